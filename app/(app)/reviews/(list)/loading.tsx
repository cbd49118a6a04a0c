import { ReviewListSkeleton } from "@/components/reviews/review-skeletons";

export default function Loading() {
  return <ReviewListSkeleton />;
}
