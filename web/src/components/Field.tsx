// Labelled form controls: the label names the control by id (a label wrapping a select would
// read its options into the name: "Roleadminteam…"), and an optional help line is tied to
// the control for screen readers.
import { type ComponentProps, type ReactNode, useId } from "react";
import { ui } from "./ui";

interface Labelled {
  label: ReactNode;
  /** A hint (or the field's error) read out with the control. */
  help?: ReactNode;
  /** Extra classes of the label, for its width in a row of fields. */
  labelClassName?: string;
}

export function TextField({ label, help, labelClassName, ...input }: Labelled & ComponentProps<"input">) {
  return (
    <Field label={label} help={help} labelClassName={labelClassName} id={input.id}>
      {(id, describedBy) => (
        <input
          {...input}
          id={id}
          aria-describedby={describedBy}
          className={`${ui.field} mt-1 ${input.className ?? ""}`}
        />
      )}
    </Field>
  );
}

export function SelectField({ label, help, labelClassName, ...select }: Labelled & ComponentProps<"select">) {
  return (
    <Field label={label} help={help} labelClassName={labelClassName} id={select.id}>
      {(id, describedBy) => (
        <select
          {...select}
          id={id}
          aria-describedby={describedBy}
          // A select draws 2px shorter than an input of the same padding: pin it to the input's height.
          className={`${ui.field} mt-1 h-9.5 ${select.className ?? ""}`}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  label,
  help,
  labelClassName,
  ...area
}: Labelled & ComponentProps<"textarea">) {
  return (
    <Field label={label} help={help} labelClassName={labelClassName} id={area.id}>
      {(id, describedBy) => (
        <textarea
          {...area}
          id={id}
          aria-describedby={describedBy}
          className={`${ui.field} mt-1 ${area.className ?? ""}`}
        />
      )}
    </Field>
  );
}

function Field({
  label,
  help,
  labelClassName = "",
  id,
  children,
}: Labelled & { id?: string; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const ownId = useId();
  const controlId = id ?? `${ownId}-control`;
  const helpId = `${ownId}-help`;
  return (
    <div className={`${ui.label} ${labelClassName}`}>
      <label htmlFor={controlId}>{label}</label>
      {children(controlId, help ? helpId : undefined)}
      {help && (
        <span id={helpId} className="mt-1 block text-xs font-normal text-slate-500">
          {help}
        </span>
      )}
    </div>
  );
}
