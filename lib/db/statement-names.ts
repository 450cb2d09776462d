// Names for prepared statements, so that PostgreSQL parses and plans each statement the app sends
// once per connection instead of on every call.
//
// Planning was most of PostgreSQL's work on the console's pages: on the customer page, 6.8 ms of
// the 10 ms it spent per view (pg_stat_statements, docs/performance/console-speed.md); every
// statement is an index lookup that runs in well under a millisecond once planned. With a name,
// node-postgres prepares the statement on a connection the first time and afterwards only binds
// and executes it, and PostgreSQL keeps its plan (a generic one once it is as good as the custom
// plans of the first five runs).
//
// The names are per process and handed out in the order statements are first seen; the same text
// always gets the same name, which node-postgres requires. Statements whose text varies (a list of
// placeholders whose length depends on the input) would each take a name and a cached plan on every
// connection, so after `limit` distinct texts further ones go unnamed and are planned per call as
// before. Turned off by DATABASE_PREPARED_STATEMENTS=0 (for a pooler that cannot follow named
// statements, such as PgBouncer in transaction mode before 1.21).

export type StatementNamer = (query: { sql: string }) => string | undefined;

export function createStatementNamer(limit: number): StatementNamer {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined || names.size >= limit) return known;
    const name = `desk_${names.size}`;
    names.set(sql, name);
    return name;
  };
}
