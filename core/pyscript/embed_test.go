package pyscript

import (
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func filesByPath(t *testing.T) map[string][]byte {
	t.Helper()
	byPath := map[string][]byte{}
	for _, f := range Files() {
		byPath[f.Path] = f.Source
	}
	return byPath
}

func TestFilesAreEmbeddedSortedAndNonEmpty(t *testing.T) {
	files := Files()
	require.NotEmpty(t, files)
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
		assert.True(t, strings.HasPrefix(f.Path, "pyscript/") && strings.HasSuffix(f.Path, ".py"), f.Path)
		assert.NotEmpty(t, strings.TrimSpace(string(f.Source)), f.Path)
	}
	assert.True(t, sort.StringsAreSorted(paths), paths)
	for _, want := range []string{"__init__", "context", "display", "events", "fetch", "ffi", "util", "workers"} {
		assert.Contains(t, paths, "pyscript/"+want+".py")
	}
}

var (
	fromSubmodule = regexp.MustCompile(`(?m)^\s*(?:from|import) pyscript\.(\w+)`)
	fromPackage   = regexp.MustCompile(`(?m)^from pyscript import ([\w, ]+)$`)
)

// Every "from pyscript.X import", and every name __init__ imports with
// "from pyscript import a, b", must be a module of the package.
func TestImportedModulesExist(t *testing.T) {
	byPath := filesByPath(t)
	for path, source := range byPath {
		for _, m := range fromSubmodule.FindAllStringSubmatch(string(source), -1) {
			assert.Contains(t, byPath, "pyscript/"+m[1]+".py", "imported by %s", path)
		}
	}
	init := string(byPath["pyscript/__init__.py"])
	require.NotEmpty(t, fromSubmodule.FindAllString(init, -1))
	for _, m := range fromPackage.FindAllStringSubmatch(init, -1) {
		for _, name := range strings.Split(m[1], ",") {
			assert.Contains(t, byPath, "pyscript/"+strings.TrimSpace(name)+".py")
		}
	}
}

// When a host python3 is available, every file must at least parse.
func TestFilesParseAsPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	dir := t.TempDir()
	for _, f := range Files() {
		name := dir + "/" + strings.ReplaceAll(f.Path, "/", "_")
		require.NoError(t, os.WriteFile(name, f.Source, 0o644))
		out, err := exec.Command(python, "-c",
			"import ast, sys; ast.parse(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1])", name).CombinedOutput()
		assert.NoError(t, err, "%s: %s", f.Path, out)
	}
}
