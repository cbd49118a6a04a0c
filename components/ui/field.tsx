import { cloneElement, isValidElement } from "react";
import type { ComponentPropsWithRef, ReactElement, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

const controlBase =
  "block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-sm " +
  "placeholder:text-slate-500 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-ink-muted " +
  "aria-[invalid=true]:border-nogo aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-nogo";

export type LabelProps = ComponentPropsWithRef<"label"> & { required?: boolean };

export function Label({ className, children, required, ...props }: LabelProps) {
  return (
    <label className={cn("block text-sm font-medium text-ink", className)} {...props}>
      {children}
      {required ? <RequiredMark /> : null}
    </label>
  );
}

export type InputProps = ComponentPropsWithRef<"input">;

export function Input({ className, ...props }: InputProps) {
  return <input className={cn(controlBase, "min-h-10", className)} {...props} />;
}

export type TextareaProps = ComponentPropsWithRef<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(controlBase, "min-h-20", className)} {...props} />;
}

export type SelectProps = ComponentPropsWithRef<"select">;

export function Select({ className, ...props }: SelectProps) {
  return <select className={cn(controlBase, "min-h-10 pr-8", className)} {...props} />;
}

/** Props a Field hands to its control so label, description and error are wired up. */
export type FieldControlProps = {
  id: string;
  name: string;
  required?: boolean;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

type FieldMessages = {
  description?: ReactNode;
  error?: string | string[];
};

export type FieldProps = FieldMessages & {
  label: ReactNode;
  name: string;
  /** Defaults to `field-<name>`; pass one when the same name appears twice on a page. */
  id?: string;
  required?: boolean;
  className?: string;
  /** An element (Input, Select, …) that receives the control props, or a render function. */
  children: ReactElement<Partial<FieldControlProps>> | ((control: FieldControlProps) => ReactNode);
};

export function fieldId(name: string) {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

function errorList(error: FieldMessages["error"]): string[] {
  if (!error) return [];
  return (Array.isArray(error) ? error : [error]).filter((e) => e.length > 0);
}

export function Field({ label, name, id, required, description, error, className, children }: FieldProps) {
  const controlId = id ?? fieldId(name);
  const errors = errorList(error);
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = errors.length > 0 ? `${controlId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;

  const control: FieldControlProps = {
    id: controlId,
    name,
    ...(required ? { required: true } : {}),
    ...(errorId ? { "aria-invalid": true } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
  };

  let rendered: ReactNode;
  if (typeof children === "function") {
    rendered = children(control);
  } else if (isValidElement(children)) {
    const own = children.props["aria-describedby"];
    rendered = cloneElement(children, {
      ...control,
      "aria-describedby": [own, describedBy].filter(Boolean).join(" ") || undefined,
    });
  }

  return (
    <div className={cn("space-y-1.5", className)}>
      <Label htmlFor={controlId} required={required}>
        {label}
      </Label>
      <FieldDescription id={descriptionId}>{description}</FieldDescription>
      {rendered}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** The control itself carries `required`, so screen readers already announce it: the star is for the eye. */
function RequiredMark() {
  return (
    <span aria-hidden="true" className="ml-0.5 text-nogo">
      *
    </span>
  );
}

function FieldDescription({ id, children }: { id: string | undefined; children: ReactNode }) {
  if (!id || !children) return null;
  return (
    <p id={id} className="text-sm text-ink-muted">
      {children}
    </p>
  );
}

/** The error list under a control, with its icon; exported for controls that lay out their own label. */
export function FieldError({ id, errors }: { id: string | undefined; errors: string[] }) {
  if (!id || errors.length === 0) return null;
  return (
    <div id={id} className="space-y-0.5 text-sm font-medium text-nogo">
      {errors.map((message) => (
        <p key={message} className="flex items-start gap-1.5">
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0">
            <path
              fillRule="evenodd"
              d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
              clipRule="evenodd"
            />
          </svg>
          <span>{message}</span>
        </p>
      ))}
    </div>
  );
}

export type FieldsetProps = FieldMessages & {
  legend: ReactNode;
  /** Used to derive ids for the description and error. */
  name: string;
  required?: boolean;
  className?: string;
  children: ReactNode;
};

/** Groups radios or checkboxes under one legend, with description and error wired to the group. */
export function Fieldset({ legend, name, required, description, error, className, children }: FieldsetProps) {
  const baseId = fieldId(name);
  const errors = errorList(error);
  const descriptionId = description ? `${baseId}-description` : undefined;
  const errorId = errors.length > 0 ? `${baseId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <fieldset className={cn("space-y-2", className)} aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-ink">
        {legend}
        {required ? <RequiredMark /> : null}
      </legend>
      <FieldDescription id={descriptionId}>{description}</FieldDescription>
      {children}
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}
