const PAGE_DOCUMENT = /^page:([1-9][0-9]{0,15})$/;

/** The page id of a document named `page:<pageId>`, or null for any other name. */
export function parsePageDocumentName(documentName: string): number | null {
  const match = PAGE_DOCUMENT.exec(documentName);
  return match ? Number(match[1]) : null;
}

/** The Yjs document name of a page's body. */
export function pageDocumentName(pageId: number): string {
  return `page:${pageId}`;
}
