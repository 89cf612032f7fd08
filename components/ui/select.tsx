import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";

import { cn } from "@/components/lib/cn";
import { controlClassName } from "@/components/ui/input";

export type SelectProps = ComponentProps<"select"> & {
  invalid?: boolean;
  /** Class for the wrapping element (width, margins). `className` goes to the `<select>`. */
  wrapperClassName?: string;
};

/** Styled native `<select>`: full keyboard and screen-reader support for free. */
export function Select({
  className,
  wrapperClassName,
  invalid,
  "aria-invalid": ariaInvalid,
  children,
  ...props
}: SelectProps) {
  return (
    <div className={cn("relative", wrapperClassName)}>
      <select
        aria-invalid={invalid ? true : ariaInvalid}
        className={cn(controlClassName, "h-9 appearance-none py-0 pr-9", className)}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="text-muted-foreground pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2"
      />
    </div>
  );
}
