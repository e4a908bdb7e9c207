import { Migration } from '@mikro-orm/migrations';

// Written by hand (created blank with `migrator.create(undefined, true)`): the fixed list of genres
// is reference data every environment needs, so it ships as a migration rather than a seed script.
const GENRES: [slug: string, name: string][] = [
  ['fiction', 'Fiction'],
  ['literary-fiction', 'Literary fiction'],
  ['fantasy', 'Fantasy'],
  ['science-fiction', 'Science fiction'],
  ['mystery', 'Mystery'],
  ['thriller', 'Thriller'],
  ['romance', 'Romance'],
  ['horror', 'Horror'],
  ['historical-fiction', 'Historical fiction'],
  ['young-adult', 'Young adult'],
  ['children', 'Children'],
  ['fan-fiction', 'Fan fiction'],
  ['poetry', 'Poetry'],
  ['drama', 'Drama'],
  ['humor', 'Humor'],
  ['non-fiction', 'Non-fiction'],
  ['biography', 'Biography'],
  ['memoir', 'Memoir'],
  ['essay', 'Essay'],
  ['history', 'History'],
  ['science', 'Science'],
  ['philosophy', 'Philosophy'],
  ['self-help', 'Self-help'],
  ['travel', 'Travel'],
];

export class Migration20261125212721_SeedGenres extends Migration {

  override name = 'Migration20261125212721_SeedGenres';

  override up(): void | Promise<void> {
    // The values are the constants above (no quotes in them), so they are inlined as literals.
    const values = GENRES.map(([slug, name]) => `('${slug}', '${name}')`).join(', ');
    this.addSql(`insert into \`genres\` (\`slug\`, \`name\`) values ${values};`);
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from \`genres\` where \`slug\` in (${GENRES.map(([slug]) => `'${slug}'`).join(', ')});`);
  }

}
