/** @jsxImportSource hono/jsx */
/**
 * The page a person sees when a page cannot show what they asked for (unknown item or network,
 * a role that may not use the page, a refused filter): the shared Layout (standards mode, `lang`,
 * a title naming the problem), the message in an alert region, and a way back.
 */
import { Layout } from './review/layout.tsx';

const TITLES: Record<number, string> = {
  400: 'Request not understood',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  429: 'Too many requests',
};

export const errorTitle = (status: number) => TITLES[status] ?? 'Something went wrong';

export function ErrorPage(props: { status: number; message: string; who?: string | undefined; back?: { href: string; label: string } }) {
  const title = errorTitle(props.status);
  const back = props.back ?? { href: '/review', label: 'Back to the review queue' };
  return (
    <Layout title={title} who={props.who}>
      <h2>{title}</h2>
      <p class="flash" role="alert" data-testid="page-error">
        {props.message}
      </p>
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
    </Layout>
  );
}
