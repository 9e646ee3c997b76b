-- Cases are written once and then updated at every step of the loop, and the sweeper sets their current
-- warning. With room left on each page such an update can stay on the page (a HOT update) and skip the
-- seven indexes, none of which covers the columns a step or a warning changes. Applies to pages written from
-- now on.
ALTER TABLE cases SET (fillfactor = 80);
