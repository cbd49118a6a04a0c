"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; the button itself never prints. */
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      Print
    </Button>
  );
}
