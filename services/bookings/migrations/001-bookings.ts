import type { Migration } from "../../kit/db.ts";

/**
 * Inventory (quotas, ticket types), orders with their lines and tickets, the events projection,
 * per-event rules, the waitlist and check-ins. `quotas.taken` and `ticket_types.taken` are the
 * counters the inventory guards under the event's capacity-quota row lock (docs/services/bookings.md).
 */
export const schema: Migration = {
  name: "001_bookings",
  async up(db) {
    await db.raw(`
      create table events (
        event_id uuid primary key,
        organizer_id uuid not null,
        organization_id uuid,
        status text not null,
        title text not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        capacity integer,
        sequence integer not null,
        deleted boolean not null default false,
        updated_at timestamptz not null default now()
      )`);
    await db.raw(`
      create table event_settings (
        event_id uuid primary key,
        hold_minutes integer not null default 15,
        cancel_deadline_hours integer not null default 0,
        refund_percent integer not null default 100,
        waitlist_enabled boolean not null default true,
        waitlist_offer_minutes integer not null default 720
      )`);
    await db.raw(`
      create table quotas (
        id uuid primary key,
        event_id uuid not null,
        name text not null,
        size integer,
        taken integer not null default 0 check (taken >= 0),
        is_capacity boolean not null default false,
        created_at timestamptz not null default now()
      )`);
    await db.raw("create unique index quotas_capacity on quotas (event_id) where is_capacity");
    await db.raw("create index quotas_event on quotas (event_id)");
    await db.raw(`
      create table ticket_types (
        id uuid primary key,
        event_id uuid not null,
        name text not null,
        price_minor integer not null default 0,
        currency text,
        quantity integer,
        taken integer not null default 0 check (taken >= 0),
        sales_start timestamptz,
        sales_end timestamptz,
        max_per_order integer not null default 10,
        visibility text not null default 'public',
        quota_ids uuid[] not null default '{}',
        is_default boolean not null default false,
        created_at timestamptz not null default now()
      )`);
    await db.raw("create index ticket_types_event on ticket_types (event_id)");
    await db.raw(`
      create table orders (
        id uuid primary key,
        event_id uuid not null,
        user_id uuid not null,
        status text not null check (status in ('reserved', 'awaiting_payment', 'confirmed', 'expired', 'cancelled', 'refunded', 'partially_refunded')),
        seats integer not null,
        total_minor integer not null,
        currency text,
        refunded_minor integer not null default 0,
        reserved_until timestamptz,
        payment_id uuid,
        cancel_reason text,
        waitlist_entry_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.raw("create index orders_event on orders (event_id, status)");
    await db.raw("create index orders_user on orders (user_id, created_at desc)");
    await db.raw("create index orders_hold on orders (reserved_until) where status in ('reserved', 'awaiting_payment')");
    await db.raw(`
      create table order_lines (
        order_id uuid not null references orders (id),
        ticket_type_id uuid not null,
        name text not null,
        quantity integer not null,
        unit_price_minor integer not null,
        quota_ids uuid[] not null,
        primary key (order_id, ticket_type_id)
      )`);
    await db.raw(`
      create table tickets (
        id uuid primary key,
        order_id uuid not null references orders (id),
        event_id uuid not null,
        ticket_type_id uuid not null,
        seq integer not null,
        attendee_name text not null,
        attendee_email text,
        checked_in_at timestamptz,
        checked_in_by uuid,
        checked_in_offline boolean not null default false
      )`);
    await db.raw("create index tickets_order on tickets (order_id, seq)");
    await db.raw("create index tickets_event on tickets (event_id, ticket_type_id)");
    await db.raw(`
      create table waitlist (
        id uuid primary key,
        event_id uuid not null,
        user_id uuid not null,
        seats integer not null,
        status text not null check (status in ('waiting', 'offered', 'accepted', 'declined', 'expired', 'left')),
        offer_expires_at timestamptz,
        order_id uuid,
        created_at timestamptz not null default now(),
        queue_no bigserial
      )`);
    await db.raw("create unique index waitlist_one_open on waitlist (event_id, user_id) where status in ('waiting', 'offered')");
    await db.raw("create index waitlist_queue on waitlist (event_id, status, queue_no)");
    await db.raw("create index waitlist_offers on waitlist (offer_expires_at) where status = 'offered'");
  },
};
