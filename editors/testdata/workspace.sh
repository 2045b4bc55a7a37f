# make_workspace DIR: a git-marked project with the fixtures, shared by the editor tests.
make_workspace() {
  local ws=$1 td
  td=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  mkdir -p "$ws/.git" "$ws/notes" "$ws/home"
  cp "$td/launch.prfaq.md" "$td/README.md" "$ws/"
  cp "$td/launch.prfaq.md" "$ws/second-pr-faq.md"
  printf -- '---\nprfaq: true\n---\n# Strategy\n\nNot named like a PR/FAQ, but marked as one.\n' >"$ws/notes/strategy.md"
  printf -- '---\nprfaq: false\n---\n# Opted out\n\n## FAQ\n\n### Why?\n\nBecause.\n' >"$ws/notes/optout-prfaq.md"
}
