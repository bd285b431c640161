// Command devserver serves the repository for development: cross-origin
// isolation headers, exact MIME types, precompressed .br/.gz variants and
// directory listings.
//
// Usage:
//
//	go run ./cmd/devserver [-addr 127.0.0.1:8000] [-root DIR] [-mount /prefix/=DIR ...] [-no-coi] [-cors] [-latency 20ms-50ms] [-faults] [-v]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		fmt.Fprintln(os.Stderr, "devserver:", err)
		os.Exit(1)
	}
}

type config struct {
	addr    string
	root    string // absolute
	mounts  []mount
	noCOI   bool
	cors    bool
	latency latency
	faults  bool
	verbose bool
}

// mountFlag collects repeated -mount /prefix/=DIR values.
type mountFlag []mount

func (m *mountFlag) String() string {
	parts := make([]string, len(*m))
	for i, x := range *m {
		parts[i] = x.prefix + "=" + x.dir
	}
	return strings.Join(parts, " ")
}

func (m *mountFlag) Set(value string) error {
	prefix, dir, ok := strings.Cut(value, "=")
	if !ok || dir == "" {
		return errors.New("want /prefix/=DIR")
	}
	prefix = path.Clean("/" + prefix)
	if prefix == "/" {
		return errors.New("use -root to serve /")
	}
	prefix += "/"
	if slices.ContainsFunc(*m, func(x mount) bool { return x.prefix == prefix }) {
		return fmt.Errorf("%s mounted twice", prefix)
	}
	*m = append(*m, mount{prefix: prefix, dir: dir})
	return nil
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	var mounts mountFlag
	flags := flag.NewFlagSet("devserver", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.StringVar(&cfg.addr, "addr", "127.0.0.1:8000", "listen `address`; port 0 picks a free one")
	flags.StringVar(&cfg.root, "root", ".", "`directory` served at /")
	flags.Var(&mounts, "mount", "serve DIR at /prefix/, as `/prefix/=DIR` (repeatable; longest prefix wins)")
	flags.BoolVar(&cfg.noCOI, "no-coi", false, "omit the COOP/COEP cross-origin isolation headers")
	flags.BoolVar(&cfg.cors, "cors", false, "send Access-Control-Allow-Origin: * (serve dist/ as a public CDN does, for pages on other origins)")
	flags.Var(&cfg.latency, "latency", "delay every response by a `duration` or a random one in a range (20ms-50ms), as a static host farther away does")
	flags.BoolVar(&cfg.faults, "faults", false, "break a response whose query has fault=short (half its body, then closed), fault=reset (half, then a TCP reset) or fault=stall:DURATION (nothing until then)")
	flags.BoolVar(&cfg.verbose, "v", false, "log each request to stderr")
	if err := flags.Parse(args); err != nil {
		return config{}, err
	}
	if flags.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected arguments: %q", flags.Args())
	}
	// Resolved once so that the checks here hold for the server's lifetime
	// and a later chdir cannot change what is served.
	var err error
	if cfg.root, err = absDir(cfg.root); err != nil {
		return config{}, err
	}
	for _, m := range mounts {
		if m.dir, err = absDir(m.dir); err != nil {
			return config{}, err
		}
		cfg.mounts = append(cfg.mounts, m)
	}
	return cfg, nil
}

// absDir makes dir absolute and checks, up front, that it is a directory.
func absDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return "", err
	}
	if !info.IsDir() {
		return "", fmt.Errorf("%s is not a directory", dir)
	}
	return abs, nil
}

// run serves until ctx is cancelled, then shuts down gracefully. It prints
// one "Serving ROOT at URL" line to stdout once it is listening.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	files := newHandler(cfg.root, cfg.mounts, !cfg.noCOI)
	files.cors = cfg.cors
	h := withLatency(files, cfg.latency, latencySeed, sleepFor)
	if cfg.faults {
		h = withFaults(h, sleepFor)
	}
	if cfg.verbose {
		h = logRequests(h, log.New(stderr, "", log.LstdFlags))
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "Serving %s at %s\n", cfg.root, serverURL(ln.Addr().(*net.TCPAddr)))

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// Let in-flight requests finish, but don't hang on a stuck client.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}

// serverURL is the URL to open in a browser for a listener address.
func serverURL(addr *net.TCPAddr) string {
	host := addr.IP.String()
	if addr.IP.IsUnspecified() { // Listening on all interfaces; loopback is one of them.
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(addr.Port)) + "/"
}
