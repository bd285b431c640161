package interp

import "strings"

// specifierChars start the version, extras or marker part of a requirement.
const specifierChars = "=<>!~[;@ "

// RequirementName is the project name of a requirement such as
// "NumPy>=2; python_version>'3'" or "pkg[extra]==1.0", in the canonical
// form of PEP 503 that Pyodide's lock file uses as keys: lower case, with
// runs of "-", "_" and "." as one "-".
func RequirementName(requirement string) string {
	name := strings.TrimSpace(requirement)
	if i := strings.IndexAny(name, specifierChars); i >= 0 {
		name = name[:i]
	}
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(name) {
		if r == '-' || r == '_' || r == '.' {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteRune(r)
	}
	return b.String()
}

// SplitByLock sorts requirements into those Pyodide's own loader installs
// (bare names of lock packages) and those that need micropip (unknown names,
// or any version constraint, which only micropip can honour).
func SplitByLock(requirements []string, inLock func(name string) bool) (lock, micropip []string) {
	for _, req := range requirements {
		name := RequirementName(req)
		bare := !strings.ContainsAny(strings.TrimSpace(req), specifierChars)
		if name != "" && bare && inLock(name) {
			lock = append(lock, name)
		} else {
			micropip = append(micropip, req)
		}
	}
	return lock, micropip
}
