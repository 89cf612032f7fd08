/** The queue's keyboard shortcuts, as the help dialog and the hint line list them. */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ["j", "↓"], action: "Next draft" },
  { keys: ["k", "↑"], action: "Previous draft" },
  { keys: ["Enter", "o"], action: "Open the draft" },
  { keys: ["a"], action: "Approve (asks first when the draft has error-level flags)" },
  { keys: ["r"], action: "Request changes, with a reason" },
  { keys: ["x"], action: "Select for bulk approval" },
  { keys: ["e"], action: "Edit the draft" },
  { keys: ["?"], action: "Show these shortcuts" },
];

const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset"]);

/** True while the person is typing, or a dialog, menu or popup has focus: shortcuts stay quiet then. */
export function shortcutsBlocked(target: EventTarget | null): boolean {
  if (document.querySelector("dialog[open]")) return true;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  // A checkbox or a button does not take letters: j/k and x keep working after ticking a row.
  if (target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type)) return true;
  return Boolean(target.closest("textarea, select, [role=dialog], [role=menu], [role=listbox], [role=alertdialog]"));
}
