import { ServicesTableSkeleton } from "@/components/services/services-table-skeleton";

export default function ServicesLoading() {
  return <ServicesTableSkeleton />;
}
