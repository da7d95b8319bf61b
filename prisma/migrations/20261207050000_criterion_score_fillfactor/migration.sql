-- Every score row of a period is written several times after the period opens it (the agency's self
-- score and comment, the two appraisal rounds, the final score). With pages packed full, each of those
-- updates moved the row to another page and wrote a new entry in each of the table's three indexes.
-- Half of each page kept free lets most first updates stay on their page (a HOT update: no index
-- entry), and the table is then no larger than it was: `npm run bench:import`, 100,080 scores in one
-- file, 76% of the updates HOT against none, the update 1.1 s against 1.45-1.63 s, the table 18.3 MB
-- after it against 16.2 MB (docs/benchmarks.md, "A ninth look"). Rows written from now on get the
-- room; rows already stored keep their pages until PostgreSQL rewrites them.
ALTER TABLE criterion_score SET (fillfactor = 50);
