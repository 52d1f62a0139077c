#!/usr/bin/env bash
# Builds the Docker images the segmentor's integration tests use, without any registry:
#   1. brats-ensemble/jre:17       a minimal Java runtime made with jlink plus the shared
#                                   libraries it links against, imported with `docker import`;
#   2. brats-ensemble/reference    the reference algorithm (module algorithm-image), built by Jib
#                                   on top of that base image.
# The misbehaving containers the tests need (sleep past the timeout, exit non-zero, write nothing,
# write a wrong grid) are the reference image started with `--mode ...`, so no other image is built.
#
# Requires a running Docker daemon, a JDK with jlink, and upstream modules resolvable by Maven.
# Environment: MVN (default: mvn), MVN_ARGS (default: -B -q), BASE_IMAGE, REFERENCE_IMAGE.
set -euo pipefail

cd "$(dirname "$0")/.."
MVN=${MVN:-mvn}
read -r -a MVN_ARGS <<< "${MVN_ARGS:--B -q}"
BASE_IMAGE=${BASE_IMAGE:-brats-ensemble/jre:17}
REFERENCE_IMAGE=${REFERENCE_IMAGE:-brats-ensemble/reference:latest}
JAVA_MODULES=java.base,java.logging,jdk.unsupported

docker info > /dev/null 2>&1 || { echo "docker-images.sh: the Docker daemon is not reachable" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs/opt" "$rootfs/tmp" "$rootfs/etc"
chmod 1777 "$rootfs/tmp"

echo "docker-images.sh: linking a Java runtime with modules $JAVA_MODULES"
jlink --add-modules "$JAVA_MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$rootfs/opt/java"

# Copy every shared library the runtime's executables and libraries load (and the dynamic
# loader), under the same paths, dereferencing symbolic links.
find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
  while IFS= read -r -d '' elf; do
    ldd "$elf" 2>/dev/null | grep -oE '(=> )?/[^ ]+' | sed 's/^=> //' || true
  done | grep -v "^$rootfs" | sort -u > "$work/libs.txt"
while read -r lib; do
  [ -e "$lib" ] && cp -L --parents "$lib" "$rootfs"
done < "$work/libs.txt"
echo "docker-images.sh: copied $(wc -l < "$work/libs.txt") shared libraries"

# A user database so that tools asking for the current user's name do not fail.
printf 'root:x:0:0:root:/root:/bin/false\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$rootfs/etc/group"

tar -C "$rootfs" -c . | docker import \
  --change 'ENV PATH=/opt/java/bin:/usr/bin:/bin' \
  --change 'ENV JAVA_HOME=/opt/java' \
  --change 'CMD ["java", "-version"]' \
  - "$BASE_IMAGE" > /dev/null
docker run --rm --network none "$BASE_IMAGE" java -version

echo "docker-images.sh: building $REFERENCE_IMAGE with Jib"
"$MVN" "${MVN_ARGS[@]}" -pl algorithm-image -am -DskipTests install
"$MVN" "${MVN_ARGS[@]}" -pl algorithm-image jib:dockerBuild \
  -Dreference.baseImage="docker://$BASE_IMAGE" -Dreference.image="$REFERENCE_IMAGE"
docker image inspect "$REFERENCE_IMAGE" --format 'docker-images.sh: built {{.RepoTags}} ({{.Size}} bytes)'
