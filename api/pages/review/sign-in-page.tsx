/** @jsxImportSource hono/jsx */
import { Layout } from './layout.tsx';

export function SignInPage(props: { next: string; error?: string | undefined }) {
  return (
    <Layout title="Sign in">
      <h2>Sign in</h2>
      {props.error ? (
        <p class="flash" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/review/sign-in">
        <input type="hidden" name="next" value={props.next} />
        <label>
          API key <input type="password" name="key" autocomplete="off" size={50} required autofocus />
        </label>{' '}
        <button type="submit">Sign in</button>
      </form>
      <p>
        Ask an admin for a reviewer key: <code>npx tidewatch keys create --role reviewer --name "your name"</code>.
      </p>
    </Layout>
  );
}
