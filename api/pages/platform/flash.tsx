/** @jsxImportSource hono/jsx */
/** The outcome of the last action on a platform page, announced politely (an error as an alert). */
export function Flash(props: { flash?: { kind: 'done' | 'error'; message: string } | undefined }) {
  return (
    <div role="status" aria-live="polite">
      {props.flash ? (
        <p class="flash" role={props.flash.kind === 'error' ? 'alert' : undefined}>
          {props.flash.kind === 'error' ? 'Not done: ' : 'Done: '}
          {props.flash.message}
        </p>
      ) : null}
    </div>
  );
}
