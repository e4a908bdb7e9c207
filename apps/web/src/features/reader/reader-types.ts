export interface PageSummary {
  id: number;
  workId: number;
  title: string;
  position: number;
}

/** A page as readers get it: GET /v1/pages/:id/published. */
export interface PublishedPage {
  pageId: number;
  workId: number;
  title: string;
  position: number;
  /** Sanitised by the API (packages/text: an allow-list of the page schema's tags). */
  html: string;
  text: string;
  publishedAt: string;
}

export interface ReadingEntry {
  work: { id: number };
  page: { id: number; title: string };
  position: number;
}
