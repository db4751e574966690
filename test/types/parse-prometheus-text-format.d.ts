declare module 'parse-prometheus-text-format' {
  /** prom2json-shaped metric families. */
  export default function parsePrometheusTextFormat(text: string): unknown[];
}
