/**
 * Repairs one gap in antd's markup that screen readers and axe report: the listbox of a Select
 * (rc-select's hidden a11y list, id "<input id>_list") has no accessible name. A MutationObserver
 * names every such listbox after its combobox (the combobox's <label>, else its aria-label).
 */

const nameListbox = (listbox: Element): void => {
  if (listbox.hasAttribute('aria-label') || listbox.hasAttribute('aria-labelledby')) return;
  const inputId = listbox.id.endsWith('_list') ? listbox.id.slice(0, -'_list'.length) : '';
  const input = (inputId && document.getElementById(inputId)) || document.querySelector(`[aria-controls="${CSS.escape(listbox.id)}"]`);
  if (!input) return;
  const label = input.id ? document.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
  if (label) {
    if (!label.id) label.id = `${input.id}-label`;
    listbox.setAttribute('aria-labelledby', label.id);
    return;
  }
  const own = input.getAttribute('aria-label');
  listbox.setAttribute('aria-label', own ? `${own}选项` : '选项');
};

const scan = (root: ParentNode) => {
  root.querySelectorAll('[role="listbox"][id]').forEach(nameListbox);
};

export function installAriaFixes(): void {
  scan(document);
  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('[role="listbox"][id]')) nameListbox(node);
        scan(node);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
}
