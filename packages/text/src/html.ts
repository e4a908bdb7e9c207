// Server-only entry (`@pluma/text/html`): keeps the DOM and sanitizer out of the browser bundle.
export { pageJSONToHTML } from './page-json-to-html.ts';
