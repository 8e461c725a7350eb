// A button that waits on problems: disabled while there are any, and pointing (aria-describedby) at
// the text that says why, so a screen reader reads the reason with the disabled button.
import type { ButtonHTMLAttributes } from 'react';

export interface BlockedButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** There are problems: the button is disabled and described by `reasonId`. */
  blocked: boolean;
  /** The id of the element that says why. */
  reasonId: string;
}

export function BlockedButton({ blocked, reasonId, disabled, ...button }: BlockedButtonProps) {
  return (
    <button
      type="button"
      {...button}
      disabled={blocked || disabled === true}
      aria-describedby={blocked ? reasonId : undefined}
    />
  );
}
