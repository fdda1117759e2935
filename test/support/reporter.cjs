// Mocha's spec reporter plus the closing line CI reads: "N passed, N failed[, N skipped]".
const mocha = require("mocha");
const Spec = mocha.reporters.Spec;
class Counted extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once("end", () => {
      const s = this.stats;
      process.stdout.write(`${s.passes} passed, ${s.failures} failed${s.pending ? `, ${s.pending} skipped` : ""}\n`);
    });
  }
}
module.exports = Counted;
