import { redirect } from "next/navigation";

// The service catalogue is home: everything else starts from a service.
export default function HomePage() {
  redirect("/services");
}
