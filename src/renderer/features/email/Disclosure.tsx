import { useId, useState, type ReactNode } from 'react';

/** A section that opens and closes under its heading button (aria-expanded). */
export function Disclosure({
  title,
  initiallyOpen = false,
  children,
}: {
  title: string;
  initiallyOpen?: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <div className="ee-disclosure">
      <h3>
        <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {title}
        </button>
      </h3>
      <div id={id} hidden={!open}>
        {open && children}
      </div>
    </div>
  );
}
