import { PageHeader, type Breadcrumb, type PageHeaderProps } from "@/components/ui/page-header";
import { ADMIN_PATH } from "@/lib/routes";

type AdminPageHeaderProps = Omit<PageHeaderProps, "title" | "breadcrumbs"> & {
  /** Also the page's own (last) crumb. */
  title: string;
  /** The crumbs between "Admin" and this page, e.g. the users list above one user. */
  parents?: Breadcrumb[];
};

/** The header of every admin page below the overview: the trail always starts at the admin overview. */
export function AdminPageHeader({ title, parents = [], ...props }: AdminPageHeaderProps) {
  return <PageHeader title={title} breadcrumbs={[{ label: "Admin", href: ADMIN_PATH }, ...parents, { label: title }]} {...props} />;
}
