import type { Migration } from "../../kit/db.ts";

/**
 * Payments, their refunds and callbacks, the ledger, receipts, saved methods, and the projection
 * of events (organizer and organization) that access checks and the ledger need.
 */
export const schema: Migration = {
  name: "001_payments",
  async up(db) {
    await db.raw(`
      create table event_owners (
        event_id uuid primary key,
        organizer_id uuid not null,
        organization_id uuid,
        title text not null,
        updated_at timestamptz not null default now()
      )`);
    await db.raw(`
      create table payments (
        id uuid primary key,
        order_id uuid not null,
        event_id uuid not null,
        user_id uuid not null,
        organizer_id uuid not null,
        organization_id uuid,
        status text not null check (status in ('created', 'pending', 'succeeded', 'failed', 'cancelled', 'partially_refunded', 'refunded')),
        amount_minor bigint not null check (amount_minor > 0),
        currency text not null,
        refunded_minor bigint not null default 0 check (refunded_minor >= 0 and refunded_minor <= amount_minor),
        provider text not null,
        provider_payment_id text,
        redirect_url text,
        failure text,
        card_pan text,
        expires_at timestamptz not null,
        -- When reconciliation next asks the provider about a payment still pending (null: never).
        reconcile_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    // One live payment per booking: failed and cancelled ones do not count.
    await db.raw(`create unique index payments_live_order on payments (order_id) where status not in ('failed', 'cancelled')`);
    await db.raw(`create index payments_user on payments (user_id, created_at desc, id desc)`);
    await db.raw(`create index payments_event on payments (event_id, created_at desc, id desc)`);
    await db.raw(`create index payments_reconcile on payments (reconcile_at) where reconcile_at is not null`);
    // A result callback decided once per (payment, provider id, result); repeats get the same answer.
    await db.raw(`
      create table callbacks (
        payment_id uuid not null references payments (id),
        provider_payment_id text not null,
        result smallint not null,
        answer_status text not null,
        answer_description text not null,
        received integer not null default 1,
        created_at timestamptz not null default now(),
        primary key (payment_id, provider_payment_id, result)
      )`);
    await db.raw(`
      create table refunds (
        id uuid primary key,
        payment_id uuid not null references payments (id),
        amount_minor bigint not null check (amount_minor > 0),
        status text not null check (status in ('pending', 'succeeded', 'failed')),
        reason text not null,
        requested_by uuid,
        failure text,
        -- The booking event that asked for it (evt.booking.cancelled), so a redelivery refunds once.
        source_key text unique,
        retry_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.raw(`create index refunds_payment on refunds (payment_id, created_at)`);
    await db.raw(`create index refunds_retry on refunds (retry_at) where status = 'pending'`);
    // The ledger: append-only, every transaction balanced (checked at commit).
    await db.raw(`
      create table ledger_transactions (
        id uuid primary key,
        kind text not null check (kind in ('charge', 'refund', 'fee')),
        payment_id uuid not null references payments (id),
        refund_id uuid references refunds (id),
        event_id uuid not null,
        organizer_id uuid not null,
        amount_minor bigint not null check (amount_minor > 0),
        currency text not null,
        created_at timestamptz not null default now()
      )`);
    await db.raw(`create unique index ledger_one_charge on ledger_transactions (payment_id) where kind = 'charge'`);
    await db.raw(`create unique index ledger_one_fee on ledger_transactions (payment_id) where kind = 'fee'`);
    await db.raw(`create unique index ledger_one_refund on ledger_transactions (refund_id) where kind = 'refund'`);
    await db.raw(`create index ledger_organizer on ledger_transactions (organizer_id, created_at desc, id desc)`);
    await db.raw(`create index ledger_event on ledger_transactions (event_id, created_at desc, id desc)`);
    await db.raw(`
      create table ledger_entries (
        id bigserial primary key,
        transaction_id uuid not null references ledger_transactions (id),
        account text not null,
        currency text not null,
        debit_minor bigint not null default 0 check (debit_minor >= 0),
        credit_minor bigint not null default 0 check (credit_minor >= 0),
        check ((debit_minor = 0) <> (credit_minor = 0))
      )`);
    await db.raw(`create index ledger_entries_tx on ledger_entries (transaction_id)`);
    await db.raw(`create index ledger_entries_account on ledger_entries (account, currency)`);
    await db.raw(`
      create function ledger_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'the ledger is append-only (% on %)', tg_op, tg_table_name;
      end $$`);
    await db.raw(
      `create trigger ledger_transactions_append_only before update or delete on ledger_transactions for each row execute function ledger_append_only()`,
    );
    await db.raw(`create trigger ledger_entries_append_only before update or delete on ledger_entries for each row execute function ledger_append_only()`);
    await db.raw(`
      create function ledger_balanced() returns trigger language plpgsql as $$
      declare d bigint; c bigint;
      begin
        select coalesce(sum(debit_minor), 0), coalesce(sum(credit_minor), 0) into d, c from ledger_entries where transaction_id = new.transaction_id;
        if d <> c then raise exception 'ledger transaction % is not balanced (debits %, credits %)', new.transaction_id, d, c; end if;
        return null;
      end $$`);
    await db.raw(
      `create constraint trigger ledger_entries_balanced after insert on ledger_entries deferrable initially deferred for each row execute function ledger_balanced()`,
    );
    // Receipts: numbered per organizer without gaps (the counter moves in the payment's transaction).
    await db.raw(`create table receipt_counters (organizer_id uuid primary key, last integer not null)`);
    await db.raw(`
      create table receipts (
        payment_id uuid primary key references payments (id),
        organizer_id uuid not null,
        seq integer not null,
        number text not null unique,
        issued_at timestamptz not null default now(),
        unique (organizer_id, seq)
      )`);
    await db.raw(`
      create table saved_methods (
        id uuid primary key,
        user_id uuid not null,
        token text not null,
        name text not null,
        last4 text,
        created_at timestamptz not null default now(),
        unique (user_id, token)
      )`);
  },
};
