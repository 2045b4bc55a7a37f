// Package version reports the build's version: the one stamped in by the
// release build (-ldflags "-X …/internal/version.stamped=v1.2.3"), else the
// module version `go install …@version` records, else "dev".
package version

import "runtime/debug"

var stamped = ""

// String returns the version.
func String() string {
	if stamped != "" {
		return stamped
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
