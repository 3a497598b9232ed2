//go:build browser

// The HTML report as a reader sees it, in Debian's Chromium driven by
// chromedp: `go test -tags browser ./engine/evidence/render/` (.ci/run and
// `make browser-test` run it; the fast `go test ./...` leaves it out). It
// fails when Chromium is missing, since CI installs it.
package render

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/fiscguard/fiscguard/engine/i18n"
)

var (
	pages      = flag.String("pages", "", "comma-separated HTML reports to check as well (e.g. ones fiscguard wrote)")
	screenshot = flag.String("screenshot", "", "save a screenshot of the first -pages report here (docs/evidence-report.png)")
)

// browserFlags start Chromium headless with nothing that reaches the network.
func browserFlags(dataDir string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(nil)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(dataDir),
		chromedp.WindowSize(1400, 1000),
	}
}

// chromium is Debian's browser, or $CHROMIUM.
func chromium(t *testing.T) string {
	for _, name := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if t != nil {
		t.Fatal("chromium is not installed (apt-get install -y chromium); .ci/run installs it")
	}
	return "chromium"
}

// page is what the browser made of one report.
type page struct {
	screenshot, pdf []byte
	errors          []string
	requests        []string
	categories      int
	breakBefore     string
}

func open(t *testing.T, file string) page {
	t.Helper()
	chromium(t)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), browserFlags(t.TempDir())...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	var mu sync.Mutex
	var p page
	// The first Run starts the browser; later steps get a time limit.
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning || e.Type == runtime.ConsoleAPICalledTypeAssert {
				p.errors = append(p.errors, fmt.Sprintf("console.%s", e.Type))
			}
		case *runtime.EventExceptionThrown:
			p.errors = append(p.errors, "exception: "+e.ExceptionDetails.Text)
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError || e.Entry.Level == cdplog.EntryLevelWarning {
				p.errors = append(p.errors, fmt.Sprintf("%s: %s %s", e.Entry.Level, e.Entry.Text, e.Entry.URL))
			}
		case *network.EventRequestWillBeSent:
			p.requests = append(p.requests, e.Request.URL)
		}
	}); err != nil {
		t.Fatal(err)
	}
	step, stop := context.WithTimeout(ctx, time.Minute)
	defer stop()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(step,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, tg, cdplog.Enable, cdp.Empty{})
			return err
		}),
		chromedp.Navigate("file://"+abs),
		chromedp.WaitVisible(chromedp.CSS("section.category")),
	)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if p.categories, err = chromedp.Run(step, chromedp.Evaluate[int](`document.querySelectorAll("section.category").length`)); err != nil {
		t.Fatal(err)
	}
	if p.breakBefore, err = chromedp.Run(step, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("section.category")).breakBefore`)); err != nil {
		t.Fatal(err)
	}
	if p.screenshot, err = chromedp.Run(step, chromedp.CaptureScreenshot()); err != nil {
		t.Fatal(err)
	}
	if p.pdf, err = chromedp.Run(step, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground())); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	return p
}

// pdfPages counts the page objects of a PDF.
func pdfPages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
}

// inked is the share of pixels that are not the background.
func inked(t *testing.T, shot []byte) (float64, int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	b := img.Bounds()
	bg := img.At(b.Min.X, b.Min.Y)
	colors := map[[4]uint32]bool{}
	ink := 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			c := img.At(x, y)
			r, g, bl, a := c.RGBA()
			colors[[4]uint32{r >> 8, g >> 8, bl >> 8, a >> 8}] = true
			if c != bg {
				ink++
			}
		}
	}
	return float64(ink) / float64((b.Dx()/2)*(b.Dy()/2)), len(colors)
}

func checkPage(t *testing.T, file string, wantCategories int) page {
	p := open(t, file)
	if len(p.errors) > 0 {
		t.Errorf("%s: console errors: %v", file, p.errors)
	}
	for _, u := range p.requests {
		if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
			t.Errorf("%s: the page requested %s; it must load nothing", file, u)
		}
	}
	if share, colors := inked(t, p.screenshot); share < 0.02 || colors < 8 {
		t.Errorf("%s: the screenshot looks blank (%.3f inked, %d colours)", file, share, colors)
	}
	if wantCategories > 0 && p.categories != wantCategories {
		t.Errorf("%s: %d category sections, want %d", file, p.categories, wantCategories)
	}
	if p.breakBefore != "page" {
		t.Errorf("%s: a category starts with break-before %q, want page", file, p.breakBefore)
	}
	// The summary, one page at least per category, the traceability.
	if !bytes.HasPrefix(p.pdf, []byte("%PDF-")) || pdfPages(p.pdf) < p.categories+2 {
		t.Errorf("%s: the printed PDF has %d pages for %d categories", file, pdfPages(p.pdf), p.categories)
	}
	return p
}

func TestBrowser(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		report string
		lang   i18n.Lang
	}{{"sample.json", i18n.En}, {"merged.json", i18n.Ja}} {
		t.Run(tt.report+"/"+string(tt.lang), func(t *testing.T) {
			file := filepath.Join(dir, strings.TrimSuffix(tt.report, ".json")+"-"+string(tt.lang)+".html")
			if err := os.WriteFile(file, render(t, "html", load(t, tt.report), tt.lang), 0o644); err != nil {
				t.Fatal(err)
			}
			checkPage(t, file, 2)
		})
	}
	// The checks themselves: a page that loads something and logs an error
	// is caught, and a blank page looks blank.
	t.Run("checks", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.html")
		html := `<!DOCTYPE html><html><body><section class="category">x</section><img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script></body></html>`
		if err := os.WriteFile(bad, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		p := open(t, bad)
		if len(p.errors) == 0 || len(p.requests) < 2 {
			t.Errorf("errors %v, requests %v: want the console error and the image request", p.errors, p.requests)
		}
		if share, _ := inked(t, p.screenshot); share > 0.02 {
			t.Errorf("an almost empty page is %.3f inked", share)
		}
	})
	if *pages == "" {
		return
	}
	for i, file := range strings.Split(*pages, ",") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			p := checkPage(t, file, 0)
			if i == 0 && *screenshot != "" {
				if err := os.WriteFile(*screenshot, p.screenshot, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
