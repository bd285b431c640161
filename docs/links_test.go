// Package docs holds the project's reference pages; its test keeps their
// relative links (and the README's) pointing at files and headings that exist.
package docs

import (
	"cmp"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inlineLink matches [text](target) and ![alt](target); the target may carry
// a title ("…") after a space, and may be wrapped in <…>.
var inlineLink = regexp.MustCompile(`!?\[[^\]]*\]\(\s*(<[^>]*>|[^()\s]+)(?:\s+"[^"]*")?\s*\)`)

// refDefinition matches a reference-style definition: [name]: target.
var refDefinition = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)`)

var heading = regexp.MustCompile(`^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$`)

// linkInHeading matches a link inside a heading, which renders as its text.
var linkInHeading = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)

type link struct {
	line   int
	target string
}

// scan returns a Markdown file's links and its headings' anchors, leaving out
// fenced code blocks and inline code. A link's text may run over lines.
func scan(text string) (links []link, anchors map[string]bool) {
	anchors = map[string]bool{}
	seen := map[string]int{}
	fence := ""
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			lines[i] = ""
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			lines[i] = ""
			continue
		}
		if m := heading.FindStringSubmatch(line); m != nil {
			// GitHub numbers repeated anchors: x, x-1, x-2 …
			slug := slugify(m[1])
			if n := seen[slug]; n > 0 {
				anchors[fmt.Sprintf("%s-%d", slug, n)] = true
			} else {
				anchors[slug] = true
			}
			seen[slug]++
		}
	}
	// Code spans end at their paragraph's end, so each paragraph (lines up to
	// a blank one) loses its own.
	var prose []string
	for _, para := range strings.Split(strings.Join(lines, "\n"), "\n\n") {
		prose = append(prose, withoutCode(para))
	}
	cleaned := strings.Join(prose, "\n\n")
	for _, m := range inlineLink.FindAllStringSubmatchIndex(cleaned, -1) {
		target := strings.Trim(cleaned[m[2]:m[3]], "<>")
		links = append(links, link{strings.Count(cleaned[:m[0]], "\n") + 1, target})
	}
	for i, line := range strings.Split(cleaned, "\n") {
		if m := refDefinition.FindStringSubmatch(line); m != nil {
			links = append(links, link{i + 1, strings.Trim(m[1], "<>")})
		}
	}
	slices.SortStableFunc(links, func(a, b link) int { return cmp.Compare(a.line, b.line) })
	return links, anchors
}

// withoutCode drops the code spans of a paragraph (a run of backticks up to
// the next run of the same length), whose brackets are not links, keeping
// their line breaks so that line numbers still hold.
func withoutCode(para string) string {
	var b strings.Builder
	for {
		start := strings.Index(para, "`")
		if start < 0 {
			return b.String() + para
		}
		n := len(para[start:]) - len(strings.TrimLeft(para[start:], "`"))
		end := closingRun(para[start+n:], n)
		if end < 0 {
			// An unmatched run is literal backticks.
			b.WriteString(para[:start+n])
			para = para[start+n:]
			continue
		}
		b.WriteString(para[:start])
		b.WriteString(strings.Repeat("\n", strings.Count(para[start:start+n+end+n], "\n")))
		para = para[start+n+end+n:]
	}
}

// closingRun finds the first run of exactly n backticks in s.
func closingRun(s string, n int) int {
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j
	}
	return -1
}

// headingText is a heading as GitHub renders it to text: code marks and
// emphasis gone, links reduced to their text.
func headingText(h string) string {
	h = linkInHeading.ReplaceAllString(h, "$1")
	return strings.NewReplacer("`", "", "*", "").Replace(h)
}

// slugify turns a heading into GitHub's anchor: lowercase, spaces to "-",
// every other character but letters, digits, "-" and "_" dropped.
func slugify(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(headingText(h)) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// external says whether a link leaves the repository: only these are not checked.
func external(target string) bool {
	lower := strings.ToLower(target)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") ||
		strings.HasPrefix(lower, "mailto:") || strings.HasPrefix(lower, "//")
}

// brokenLinks checks the relative links of the Markdown files (paths relative
// to root), describes each one that does not resolve, and counts those checked.
func brokenLinks(root string, files []string) (broken []string, checked int, err error) {
	anchorsOf := map[string]map[string]bool{}
	anchors := func(path string) (map[string]bool, error) {
		if a, ok := anchorsOf[path]; ok {
			return a, nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
		_, a := scan(string(data))
		anchorsOf[path] = a
		return a, nil
	}
	for _, file := range files {
		path := filepath.Join(root, file)
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, 0, fmt.Errorf("reading %s: %w", file, err)
		}
		links, _ := scan(string(data))
		for _, l := range links {
			if external(l.target) {
				continue
			}
			checked++
			where := fmt.Sprintf("%s:%d: %s", file, l.line, l.target)
			target, fragment, _ := strings.Cut(l.target, "#")
			target, err := url.PathUnescape(target)
			if err != nil {
				broken = append(broken, fmt.Sprintf("%s: bad escape: %v", where, err))
				continue
			}
			dest := path
			if target != "" {
				dest = filepath.Join(filepath.Dir(path), filepath.FromSlash(target))
				if _, err := os.Stat(dest); err != nil {
					broken = append(broken, fmt.Sprintf("%s: no such file", where))
					continue
				}
			}
			if fragment == "" || !strings.HasSuffix(strings.ToLower(dest), ".md") {
				continue
			}
			a, err := anchors(dest)
			if err != nil {
				return nil, 0, err
			}
			if !a[strings.ToLower(fragment)] {
				broken = append(broken, fmt.Sprintf("%s: no heading with anchor #%s", where, fragment))
			}
		}
	}
	return broken, checked, nil
}

func TestLinksResolve(t *testing.T) {
	docs, err := filepath.Glob("*.md")
	require.NoError(t, err)
	require.NotEmpty(t, docs, "no docs/*.md found")
	files := []string{"README.md"}
	for _, d := range docs {
		files = append(files, filepath.Join("docs", d))
	}
	broken, checked, err := brokenLinks("..", files)
	require.NoError(t, err)
	// The README links every page: finding none means the scan is broken.
	require.GreaterOrEqual(t, checked, len(docs), "relative links found")
	assert.Empty(t, broken, "links that do not resolve:\n%s", strings.Join(broken, "\n"))
}

func TestBrokenLinksAreFound(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	write("sub/page.md", "# A page\n\n## `pyscript.web` — it's here!\n\n## Twice\n\n## Twice\n")
	write("README.md", strings.Join([]string{
		"[ok](sub/page.md) [ok](sub/page.md#pyscriptweb--its-here) [ok](sub/page.md#twice-1)",
		"[ok](#top) [ok](https://example.com/x.md#nope) [ok](mailto:a@b.c) ![ok](<sub/page.md> \"title\")",
		"`[not a link](missing.md)`",
		"```",
		"[not a link](missing.md)",
		"```",
		"# Top",
		"[missing file](nope.md)",
		"[missing anchor](sub/page.md#twice-2)",
		"[missing local anchor](#bottom)",
		"[missing dir](sub/none/)",
		"[missing reference]: ./gone.md",
		"",
		"a `code span",
		"[not a link](missing.md) over lines` and [a link",
		"over lines](nowhere.md)",
	}, "\n"))
	broken, checked, err := brokenLinks(dir, []string{"README.md"})
	require.NoError(t, err)
	assert.Equal(t, 11, checked)
	assert.Equal(t, []string{
		"README.md:8: nope.md: no such file",
		"README.md:9: sub/page.md#twice-2: no heading with anchor #twice-2",
		"README.md:10: #bottom: no heading with anchor #bottom",
		"README.md:11: sub/none/: no such file",
		"README.md:12: ./gone.md: no such file",
		"README.md:15: nowhere.md: no such file",
	}, broken)
}

func TestSlugify(t *testing.T) {
	for heading, want := range map[string]string{
		"Where GoPyScript differs from PyScript (on purpose)": "where-gopyscript-differs-from-pyscript-on-purpose",
		"`pyscript.web` performance":                          "pyscriptweb-performance",
		"`experimental_create_proxy`":                         "experimental_create_proxy",
		"Hooks, plugins and the JavaScript API":               "hooks-plugins-and-the-javascript-api",
		"A [linked](x.md) *word*":                             "a-linked-word",
	} {
		assert.Equal(t, want, slugify(heading), heading)
	}
}
