/** @jsxImportSource hono/jsx */
/**
 * The lead's "mark benign" control shown next to each contact on the item and network pages: a
 * small form posting to `/review/contacts/benign` (the review pages' origin check and session),
 * which returns to the page it came from. Others see only whether the contact is benign.
 */
export function BenignControl(props: { contactKey: string; benign: boolean; lead: boolean; back: string }) {
  if (props.benign) {
    return (
      <span data-testid="benign" data-contact={props.contactKey}>
        {' '}
        · marked benign
        {props.lead ? (
          <form method="post" action="/review/contacts/benign/remove" class="inline">
            <input type="hidden" name="contact" value={props.contactKey} />
            <input type="hidden" name="back" value={props.back} />
            <button type="submit">Unmark</button>
          </form>
        ) : null}
      </span>
    );
  }
  if (!props.lead) return null;
  return (
    <form method="post" action="/review/contacts/benign" class="inline" data-testid="mark-benign" data-contact={props.contactKey}>
      <input type="hidden" name="contact" value={props.contactKey} />
      <input type="hidden" name="back" value={props.back} />{' '}
      <input
        type="text"
        name="note"
        required
        maxlength={500}
        placeholder="whose contact (hotline, police, NGO)"
        aria-label={`note for ${props.contactKey}`}
      />
      <button type="submit">Mark benign</button>
    </form>
  );
}
