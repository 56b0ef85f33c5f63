-- Tidu schema version 4: the per-character search indexes hold letters, digits and pairs of
-- adjacent ones, rowids only (docs/adr/0002-search-indexes.md, docs/adr/0008-list-search-in-memory.md).
--
-- With the tidu_bigrams tokenizer and detail=none a one- or two-character term is one token
-- whose row list is the answer: "智能" no longer decodes the position lists of 智 and 能 (7,700
-- matches of 100,000 firms: 1.15 ms before, about a third of that now). Same tables, same
-- columns, same triggers (they name the tables only); the indexes are built again from the live
-- rows, which takes about a second on 100,000 firms.

DROP TABLE firms_chars;
CREATE VIRTUAL TABLE firms_chars USING fts5 (
  name, uscc, notes, content = 'firms_live_text', content_rowid = 'rid', tokenize = 'tidu_bigrams', detail = none
);
INSERT INTO firms_chars (firms_chars) VALUES ('rebuild');

DROP TABLE carriers_chars;
CREATE VIRTUAL TABLE carriers_chars USING fts5 (
  name, operator, notes, content = 'carriers_live_text', content_rowid = 'rid', tokenize = 'tidu_bigrams', detail = none
);
INSERT INTO carriers_chars (carriers_chars) VALUES ('rebuild');

DROP TABLE talents_chars;
CREATE VIRTUAL TABLE talents_chars USING fts5 (
  name, field, notes, content = 'talents_live_text', content_rowid = 'rid', tokenize = 'tidu_bigrams', detail = none
);
INSERT INTO talents_chars (talents_chars) VALUES ('rebuild');
