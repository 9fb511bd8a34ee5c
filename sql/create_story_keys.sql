-- Every way a related link can name a story: the normalised URL of any record of it, and its
-- normalised title. Used to resolve links to stories the warehouse holds.
create temp table story_keys as
select distinct story_id, url_key, title_key
from lake.stories;
