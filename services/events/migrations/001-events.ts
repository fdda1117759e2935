import type { Migration } from "../../kit/db.ts";

/**
 * The catalogue of events, its history and what search, feeds and calendars need: projections of
 * identity facts (follows, organization members, deactivated users), a word list for typo
 * tolerance, follows of single events and calendar-feed tokens.
 */
export const schema: Migration = {
  name: "001_events",
  async up(db) {
    // Extensions are per database; another service may have created it already.
    await db.raw("create extension if not exists pg_trgm with schema public");
    await db.raw(`
      create table categories (
        slug text primary key,
        name text not null,
        description text not null default '',
        created_at timestamptz not null default now()
      )`);
    // array_to_string is only STABLE; a generated column needs an IMMUTABLE expression.
    await db.raw(`create function tags_text(text[]) returns text language sql immutable parallel safe as $$ select coalesce(array_to_string($1, ' '), '') $$`);
    await db.raw(`
      create table events (
        id uuid primary key,
        organizer_id uuid not null,
        organization_id uuid,
        title text not null,
        description text not null default '',
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        time_zone text not null,
        venue jsonb,
        lat double precision,
        lng double precision,
        online_url text,
        category text references categories (slug),
        tags text[] not null default '{}',
        capacity integer,
        visibility text not null check (visibility in ('public', 'unlisted', 'private')),
        status text not null check (status in ('draft', 'published', 'cancelled')),
        sequence integer not null default 0,
        views integer not null default 0,
        -- ln of the views decayed to a common epoch: ordering by it is ordering by decayed views,
        -- and it never needs a periodic rescore (see popularity.ts).
        hot double precision not null default 0,
        import_uid text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        published_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text,
        deleted_at timestamptz,
        deleted_by uuid,
        search tsvector generated always as (
          setweight(to_tsvector('english', title), 'A') ||
          setweight(to_tsvector('english', tags_text(tags)), 'B') ||
          setweight(to_tsvector('english', description), 'C')
        ) stored,
        check (ends_at > starts_at)
      )`);
    const listed = "where deleted_at is null and status = 'published'";
    await db.raw(`create index events_search on events using gin (search) ${listed}`);
    await db.raw(`create index events_tags on events using gin (tags) ${listed}`);
    await db.raw(`create index events_starts on events (starts_at, id) ${listed}`);
    await db.raw(`create index events_ends on events (ends_at) ${listed}`);
    await db.raw(`create index events_published on events (published_at desc, id desc) ${listed}`);
    await db.raw(`create index events_hot on events (hot desc, id) ${listed}`);
    await db.raw(`create index events_geo on events (lat, lng) ${listed} and lat is not null`);
    await db.raw(`create index events_organizer on events (organizer_id)`);
    await db.raw(`create index events_organization on events (organization_id) where organization_id is not null`);
    await db.raw(`create unique index events_import_uid on events (organizer_id, import_uid) where import_uid is not null`);

    await db.raw(`create table event_invites (event_id uuid not null references events (id), user_id uuid not null, primary key (event_id, user_id))`);
    await db.raw(`create index event_invites_user on event_invites (user_id)`);
    // No foreign key: the history outlives the event's row contents and is never cascaded.
    await db.raw(`
      create table event_history (
        id bigserial primary key,
        event_id uuid not null,
        at timestamptz not null default now(),
        actor_id uuid,
        action text not null,
        changes jsonb not null default '[]',
        note text
      )`);
    await db.raw(`create index event_history_event on event_history (event_id, id desc)`);
    await db.raw(`
      create table attachments (
        id uuid primary key,
        event_id uuid not null references events (id),
        filename text not null,
        content_type text not null,
        size integer not null,
        width integer,
        height integer,
        sha256 text not null,
        created_by uuid not null,
        created_at timestamptz not null default now()
      )`);
    await db.raw(`create index attachments_event on attachments (event_id, created_at)`);
    // Words of titles and tags: a misspelt query word is replaced by its nearest words here.
    await db.raw(`create table search_words (word text primary key)`);
    await db.raw(`create index search_words_trgm on search_words using gist (word gist_trgm_ops)`);

    // Projections of identity facts.
    await db.raw(
      `create table follows (follower_id uuid not null, target_kind text not null, target_id uuid not null, primary key (follower_id, target_kind, target_id))`,
    );
    await db.raw(`create table org_members (org_id uuid not null, user_id uuid not null, role text not null, primary key (org_id, user_id))`);
    await db.raw(`create index org_members_user on org_members (user_id)`);
    await db.raw(`create table inactive_users (user_id uuid primary key)`);

    await db.raw(
      `create table event_follows (user_id uuid not null, event_id uuid not null references events (id), created_at timestamptz not null default now(), primary key (user_id, event_id))`,
    );
    await db.raw(`create table calendar_tokens (user_id uuid primary key, token_hash text not null unique, created_at timestamptz not null default now())`);
  },
};
