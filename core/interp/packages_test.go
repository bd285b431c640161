package interp

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRequirementName(t *testing.T) {
	for in, want := range map[string]string{
		"numpy":                          "numpy",
		"NumPy>=2":                       "numpy",
		"Foo_Bar.baz":                    "foo-bar-baz",
		"pkg[extra]==1.0":                "pkg",
		" requests ; python_version>'3'": "requests",
		"a__b--c":                        "a-b-c",
		"name @ https://h/x.whl":         "name",
	} {
		assert.Equal(t, want, RequirementName(in), in)
	}
}

func TestSplitByLock(t *testing.T) {
	lock := map[string]bool{"numpy": true, "gopyscript-demo": true}
	inLock := func(n string) bool { return lock[n] }
	byLock, byMicropip := SplitByLock([]string{"numpy", "GoPyScript_Demo", "numpy==2.0", "requests", "pkg[x]"}, inLock)
	assert.Equal(t, []string{"numpy", "gopyscript-demo"}, byLock)
	assert.Equal(t, []string{"numpy==2.0", "requests", "pkg[x]"}, byMicropip, "constraints need micropip")
}
