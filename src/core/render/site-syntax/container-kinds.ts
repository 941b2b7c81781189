// The kinds of `:::` container (Docusaurus, VuePress, VitePress, Quarto's callout classes) and the
// callout each is drawn as (../callouts.ts). Their own file so the list is read in one place.

// Kind -> the callout's kind ('' for a container shown as its content alone).
const KINDS: Readonly<Record<string, string>> = {
  note: 'note', tip: 'tip', info: 'info', warning: 'warning', danger: 'danger', caution: 'caution', important: 'important',
  success: 'success', secondary: 'note',
  // VuePress and VitePress: a collapsible block titled by its author, tabs of code blocks, raw HTML.
  details: 'details', 'code-group': '', 'v-pre': '', raw: '',
};

/** The callout kind a container named `name` is drawn as ('' for its content alone); undefined for an unknown name. */
export function calloutKindFor(name: string): string | undefined {
  return Object.hasOwn(KINDS, name) ? KINDS[name] : undefined;
}
