import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { call } from "../../kit/call.ts";
import { identity } from "../../../subjects/identity.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { fail, type Harness, newEmail, startIdentity, tokenOf } from "./support.ts";

describe("identity: organizations and follows", function () {
  this.timeout(30_000);
  let h: Harness;
  const nc = () => h.svc.nats.nc;
  const adminEmail = newEmail("boss");
  let admin: Principal;

  before(async () => {
    h = await startIdentity();
    admin = { sub: await h.registerAdmin(adminEmail), roles: ["admin", "participant"] };
  });
  after(() => h.stop());

  /** An organization with an owner, and a way to add members through real invitations. */
  async function orgWithOwner() {
    const owner = await h.signUp({ displayName: "Owner" });
    const org = await call(nc(), identity.orgsCreate, { name: `Acme ${randomUUID().slice(0, 6)}` }, { principal: owner.principal });
    const join = async (role: "owner" | "admin" | "member", by = owner.principal) => {
      const u = await h.signUp();
      const inv = await call(nc(), identity.orgsInvite, { orgId: org.id, email: u.email, role }, { principal: by });
      const token = tokenOf(await h.event<{ invitationId: string }>("evt.org.invitation_created", (d) => d.invitationId === inv.invitationId));
      await call(nc(), identity.orgsAccept, { token }, { principal: u.principal });
      return u;
    };
    return { owner, org, join };
  }

  describe("svc.identity.orgs.create / orgs.get", () => {
    it("makes the creator the owner, derives a unique slug and emits evt.org.created and evt.org.member_added", async () => {
      const owner = await h.signUp();
      const name = `Café Müller ${randomUUID().slice(0, 6)}`;
      const org = await call(nc(), identity.orgsCreate, { name, description: "Coffee talks" }, { principal: owner.principal });
      expect(org).to.include({ name, members: 1, followers: 0, myRole: "owner" });
      expect(org.slug).to.match(/^cafe-muller-[a-z0-9]{6}$/);
      expect((await h.event("evt.org.created", (d: { orgId: string }) => d.orgId === org.id)).data).to.deep.equal({
        orgId: org.id,
        name,
        slug: org.slug,
        ownerId: owner.id,
      });
      expect((await h.event("evt.org.member_added", (d: { orgId: string }) => d.orgId === org.id)).data).to.deep.equal({
        orgId: org.id,
        userId: owner.id,
        role: "owner",
      });
      const twin = await call(nc(), identity.orgsCreate, { name }, { principal: owner.principal });
      expect(twin.slug, "a derived slug that is taken gets a suffix").to.not.equal(org.slug);
      const taken = await fail(call(nc(), identity.orgsCreate, { name: "Other", slug: org.slug }, { principal: owner.principal }));
      expect([taken.status, taken.message]).to.deep.equal([409, `the slug ${org.slug} is taken`]);
      const seen = await call(nc(), identity.orgsGet, { orgId: org.id });
      expect(seen).to.include({ myRole: null, members: 1, description: "Coffee talks" });
    });
  });

  describe("svc.identity.orgs.invite / orgs.accept", () => {
    it("throttles invitations: one address once per 10 minutes, 20 an hour per inviter (finding 12)", async () => {
      const { owner, org } = await orgWithOwner();
      const email = `twice-${randomUUID().slice(0, 8)}@example.org`;
      await call(nc(), identity.orgsInvite, { orgId: org.id, email }, { principal: owner.principal });
      expect((await fail(call(nc(), identity.orgsInvite, { orgId: org.id, email }, { principal: owner.principal }))).status).to.equal(429);
      for (let i = 1; i < 20; i++) {
        await call(nc(), identity.orgsInvite, { orgId: org.id, email: `n${i}-${randomUUID().slice(0, 8)}@example.org` }, { principal: owner.principal });
      }
      const over = await fail(
        call(nc(), identity.orgsInvite, { orgId: org.id, email: `over-${randomUUID().slice(0, 8)}@example.org` }, { principal: owner.principal }),
      );
      expect([over.status, over.code]).to.deep.equal([429, "rate_limited"]);
    });

    it("emits the invitation with its token and lets only the invited email accept it, once", async () => {
      const { owner, org } = await orgWithOwner();
      const invitee = await h.signUp({ displayName: "Grace" });
      const stranger = await h.signUp();
      const inv = await call(nc(), identity.orgsInvite, { orgId: org.id, email: invitee.email.toUpperCase() }, { principal: owner.principal });
      expect(inv).to.include({ email: invitee.email, role: "member" });
      const e = await h.event<{ invitationId: string; sealedToken: string; orgName: string; inviterName: string; email: string }>(
        "evt.org.invitation_created",
        (d) => d.invitationId === inv.invitationId,
      );
      expect(e.data).to.include({ orgId: org.id, orgName: org.name, email: invitee.email, role: "member", invitedBy: owner.id, inviterName: "Owner" });
      expect((await fail(call(nc(), identity.orgsAccept, { token: tokenOf(e) }, { principal: stranger.principal }))).status).to.equal(403);
      expect(await call(nc(), identity.orgsAccept, { token: tokenOf(e) }, { principal: invitee.principal })).to.deep.equal({ orgId: org.id, role: "member" });
      expect((await h.event("evt.org.member_added", (d: { userId: string }) => d.userId === invitee.id)).data).to.deep.equal({
        orgId: org.id,
        userId: invitee.id,
        role: "member",
      });
      expect((await fail(call(nc(), identity.orgsAccept, { token: tokenOf(e) }, { principal: invitee.principal }))).code).to.equal("invalid_token");
      expect((await fail(call(nc(), identity.orgsInvite, { orgId: org.id, email: invitee.email }, { principal: owner.principal }))).status, "already a member")
        .to.equal(409);
    });

    it("lets admins invite members but not admins, and members invite nobody", async () => {
      const { org, join } = await orgWithOwner();
      const orgAdmin = await join("admin");
      const member = await join("member", orgAdmin.principal);
      expect((await fail(call(nc(), identity.orgsInvite, { orgId: org.id, email: newEmail(), role: "admin" }, { principal: orgAdmin.principal }))).status).to
        .equal(403);
      expect((await fail(call(nc(), identity.orgsInvite, { orgId: org.id, email: newEmail() }, { principal: member.principal }))).status).to.equal(403);
    });
  });

  describe("svc.identity.orgs.members", () => {
    it("lists members with roles to members only", async () => {
      const { owner, org, join } = await orgWithOwner();
      const member = await join("member");
      const outsider = await h.signUp();
      const list = await call(nc(), identity.orgsMembers, { orgId: org.id }, { principal: member.principal });
      expect(list.items.map((m) => [m.userId, m.role])).to.deep.equal([
        [member.id, "member"],
        [owner.id, "owner"],
      ]);
      expect((await fail(call(nc(), identity.orgsMembers, { orgId: org.id }, { principal: outsider.principal }))).status).to.equal(403);
    });
  });

  describe("svc.identity.orgs.can-act", () => {
    it("answers by role against minRole (admin by default) and refuses deactivated users", async () => {
      const { owner, org, join } = await orgWithOwner();
      const orgAdmin = await join("admin");
      const member = await join("member");
      const outsider = await h.signUp();
      expect(await call(nc(), identity.canActForOrg, { userId: owner.id, orgId: org.id })).to.deep.equal({ allowed: true, role: "owner" });
      expect(await call(nc(), identity.canActForOrg, { userId: orgAdmin.id, orgId: org.id })).to.deep.equal({ allowed: true, role: "admin" });
      expect(await call(nc(), identity.canActForOrg, { userId: orgAdmin.id, orgId: org.id, minRole: "owner" })).to.deep.equal({
        allowed: false,
        role: "admin",
      });
      expect(await call(nc(), identity.canActForOrg, { userId: member.id, orgId: org.id })).to.deep.equal({ allowed: false, role: "member" });
      expect(await call(nc(), identity.canActForOrg, { userId: member.id, orgId: org.id, minRole: "member" })).to.deep.equal({ allowed: true, role: "member" });
      expect(await call(nc(), identity.canActForOrg, { userId: outsider.id, orgId: org.id, minRole: "member" })).to.deep.equal({ allowed: false, role: null });
      await call(nc(), identity.usersDeactivate, { userId: orgAdmin.id }, { principal: admin });
      expect((await call(nc(), identity.canActForOrg, { userId: orgAdmin.id, orgId: org.id })).allowed).to.equal(false);
    });
  });

  describe("svc.identity.orgs.leave / orgs.remove-member", () => {
    it("keeps the last owner, lets a member leave, and emits evt.org.member_removed", async () => {
      const { owner, org, join } = await orgWithOwner();
      const member = await join("member");
      const last = await fail(call(nc(), identity.orgsLeave, { orgId: org.id }, { principal: owner.principal }));
      expect([last.status, last.message]).to.deep.equal([409, "the last owner cannot leave or be removed; invite another owner first"]);
      await call(nc(), identity.orgsLeave, { orgId: org.id }, { principal: member.principal });
      expect((await h.event("evt.org.member_removed", (d: { userId: string }) => d.userId === member.id)).data).to.deep.equal({
        orgId: org.id,
        userId: member.id,
      });
      const coOwner = await join("owner");
      await call(nc(), identity.orgsLeave, { orgId: org.id }, { principal: owner.principal });
      expect(await call(nc(), identity.canActForOrg, { userId: coOwner.id, orgId: org.id, minRole: "owner" })).to.deep.equal({ allowed: true, role: "owner" });
    });

    it("lets an admin remove a member but not another admin or an owner", async () => {
      const { owner, org, join } = await orgWithOwner();
      const a1 = await join("admin");
      const a2 = await join("admin");
      const m = await join("member");
      expect((await fail(call(nc(), identity.orgsRemoveMember, { orgId: org.id, userId: a2.id }, { principal: a1.principal }))).status).to.equal(403);
      expect((await fail(call(nc(), identity.orgsRemoveMember, { orgId: org.id, userId: owner.id }, { principal: a1.principal }))).status).to.equal(403);
      await call(nc(), identity.orgsRemoveMember, { orgId: org.id, userId: m.id }, { principal: a1.principal });
      await call(nc(), identity.orgsRemoveMember, { orgId: org.id, userId: a2.id }, { principal: owner.principal });
      expect((await call(nc(), identity.orgsGet, { orgId: org.id }, { principal: owner.principal })).members).to.equal(2);
    });
  });

  describe("svc.identity.orgs.set-role", () => {
    it("lets owners promote and demote, keeps the last owner, and emits evt.org.member_role_changed once per change", async () => {
      const { owner, org, join } = await orgWithOwner();
      const admin = await join("admin");
      const m = await join("member");
      const byAdmin = await fail(call(nc(), identity.orgsSetRole, { orgId: org.id, userId: m.id, role: "admin" }, { principal: admin.principal }));
      expect([byAdmin.status, byAdmin.message]).to.deep.equal([403, "only owners change roles"]);
      const stepDown = await fail(call(nc(), identity.orgsSetRole, { orgId: org.id, userId: owner.id, role: "admin" }, { principal: owner.principal }));
      expect(stepDown.status).to.equal(409);

      expect(await call(nc(), identity.orgsSetRole, { orgId: org.id, userId: m.id, role: "admin" }, { principal: owner.principal })).to.deep.equal({
        changed: true,
      });
      expect(await call(nc(), identity.canActForOrg, { userId: m.id, orgId: org.id })).to.deep.equal({ allowed: true, role: "admin" });
      expect((await h.event("evt.org.member_role_changed", (d: { userId: string }) => d.userId === m.id)).data).to.deep.equal({
        orgId: org.id,
        userId: m.id,
        role: "admin",
        previousRole: "member",
        by: owner.id,
      });
      expect(await call(nc(), identity.orgsSetRole, { orgId: org.id, userId: m.id, role: "admin" }, { principal: owner.principal })).to.deep.equal({
        changed: false,
      });

      // With a second owner the first may step down.
      await call(nc(), identity.orgsSetRole, { orgId: org.id, userId: admin.id, role: "owner" }, { principal: owner.principal });
      await call(nc(), identity.orgsSetRole, { orgId: org.id, userId: owner.id, role: "member" }, { principal: owner.principal });
      expect(await call(nc(), identity.canActForOrg, { userId: owner.id, orgId: org.id, minRole: "member" })).to.deep.equal({ allowed: true, role: "member" });
      expect((await fail(call(nc(), identity.orgsSetRole, { orgId: org.id, userId: randomUUID(), role: "member" }, { principal: admin.principal }))).status).to
        .equal(404);
      await new Promise((r) => setTimeout(r, 200));
      expect(h.events.filter((e) => e.type === "evt.org.member_role_changed" && (e.data as { userId: string }).userId === m.id)).to.have.length(1);
    });
  });

  describe("svc.identity.follows.*", () => {
    it("follows a user once: the second follow changes nothing and emits nothing", async () => {
      const fan = await h.signUp();
      const star = await h.signUp();
      const target = { kind: "user" as const, id: star.id };
      expect(await call(nc(), identity.followsCreate, { target }, { principal: fan.principal })).to.deep.equal({ target, created: true });
      expect(await call(nc(), identity.followsCreate, { target }, { principal: fan.principal })).to.deep.equal({ target, created: false });
      expect(await call(nc(), identity.followsDelete, { target }, { principal: fan.principal })).to.deep.equal({ target, removed: true });
      // The unfollow is the barrier: it was enqueued after both follows.
      await h.event("evt.user.unfollowed", (d: { followerId: string }) => d.followerId === fan.id);
      const followed = h.events.filter((e) => e.type === "evt.user.followed" && (e.data as { followerId: string }).followerId === fan.id);
      expect(followed).to.have.length(1);
      expect(followed[0].data).to.deep.include({ followerId: fan.id, target });
      expect(await call(nc(), identity.followsDelete, { target }, { principal: fan.principal })).to.deep.equal({ target, removed: false });
    });

    it("refuses to follow oneself or someone who does not exist", async () => {
      const u = await h.signUp();
      const self = await fail(call(nc(), identity.followsCreate, { target: { kind: "user", id: u.id } }, { principal: u.principal }));
      expect([self.status, self.message]).to.deep.equal([400, "you cannot follow yourself"]);
      expect((await fail(call(nc(), identity.followsCreate, { target: { kind: "org", id: randomUUID() } }, { principal: u.principal }))).status).to.equal(404);
    });

    it("lists followers newest first with a cursor and a total, and drops deactivated users from lists and counts", async () => {
      const star = await h.signUp();
      const target = { kind: "user" as const, id: star.id };
      const fans = [];
      for (let i = 0; i < 5; i++) {
        const f = await h.signUp({ displayName: `Fan ${i}` });
        await call(nc(), identity.followsCreate, { target }, { principal: f.principal });
        fans.push(f);
      }
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(nc(), identity.followsListFollowers, { target, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.total).to.equal(5);
        ids.push(...page.items.map((i) => i.userId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(ids).to.deep.equal(fans.map((f) => f.id).reverse());

      await call(nc(), identity.usersDeactivate, { userId: fans[2].id }, { principal: admin });
      const after = await call(nc(), identity.followsListFollowers, { target, limit: 100 });
      expect(after.total).to.equal(4);
      expect(after.items.map((i) => i.userId)).to.not.include(fans[2].id);
      expect((await call(nc(), identity.profilesGet, { userId: star.id })).followers).to.equal(4);
    });

    it("lists what a user follows, users and organizations, and forgets deactivated users", async () => {
      const fan = await h.signUp();
      const star = await h.signUp({ displayName: "Star" });
      const { org } = await orgWithOwner();
      await call(nc(), identity.followsCreate, { target: { kind: "user", id: star.id } }, { principal: fan.principal });
      await call(nc(), identity.followsCreate, { target: { kind: "org", id: org.id } }, { principal: fan.principal });
      const following = await call(nc(), identity.followsListFollowing, { userId: fan.id });
      expect(following.total).to.equal(2);
      expect(following.items.map((i) => [i.target.kind, i.name])).to.deep.equal([
        ["org", org.name],
        ["user", "Star"],
      ]);
      expect((await call(nc(), identity.orgsGet, { orgId: org.id })).followers).to.equal(1);
      await call(nc(), identity.usersDeactivate, { userId: star.id }, { principal: admin });
      const after = await call(nc(), identity.followsListFollowing, { userId: fan.id });
      expect([after.total, after.items.map((i) => i.target.kind)]).to.deep.equal([1, ["org"]]);
      expect((await call(nc(), identity.profilesGet, { userId: fan.id })).following).to.equal(1);
    });
  });
});
