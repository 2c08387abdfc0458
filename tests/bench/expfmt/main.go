// expfmt-parse: the anchor for Vakt's parser benchmark. It parses a Prometheus text-format
// file with Prometheus's own Go library (github.com/prometheus/common/expfmt, TextParser) and
// reports throughput, so both parsers are measured on the same bytes in the same run.
//
// Usage: expfmt-parse FILE [ITERATIONS]
package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/prometheus/common/expfmt"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: expfmt-parse FILE [ITERATIONS]")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	iterations := 1
	if len(os.Args) > 2 {
		iterations, _ = strconv.Atoi(os.Args[2])
	}
	samples := 0
	start := time.Now()
	for i := 0; i < iterations; i++ {
		var parser expfmt.TextParser
		families, err := parser.TextToMetricFamilies(bytes.NewReader(data))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		samples = 0
		for _, f := range families {
			samples += len(f.Metric)
		}
	}
	elapsed := time.Since(start).Seconds()
	mb := float64(len(data)) * float64(iterations) / 1e6
	fmt.Printf("expfmt bytes=%d metrics=%d iterations=%d seconds=%.4f MB/s=%.1f us/metric=%.3f\n",
		len(data), samples, iterations, elapsed, mb/elapsed, elapsed*1e6/float64(samples*iterations))
}
