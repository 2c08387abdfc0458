#!/usr/bin/env bash
# Report figures, with the anchor in the same run: the NSM report of the demo platform, a ROS
# report of at least PAGES pages (the demo's register grown with the department's own risks
# until the PDF is that long), and the register exported as XLSX by Vakt against LibreOffice
# headless converting the very same rows from CSV to XLSX.
#   tests/bench/reports_vs_libreoffice.sh [PAGES]     default 200
# Each figure is the median of 5 runs of the whole command, as a user starts it (process start,
# opening the database, reading through the services, rendering, writing the trail entry).
set -euo pipefail
cd "$(dirname "$0")/../.."
pages_wanted=${1:-200}
scripts/install-deps.sh >/dev/null
preset=${VAKT_BENCH_PRESET:-release}  # another preset's build (dev) for a quick look; figures come from release
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --target vakt --parallel "$(nproc)" >/dev/null  # the CLI is all this needs
vakt="$PWD/build/$preset/cli/vakt"
work="$(mktemp -d /tmp/vakt-report-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
TIMEFORMAT=%R
db="$work/vakt.db"
"$vakt" --db "$db" init --demo >/dev/null
as() { local user=$1; shift; "$vakt" --db "$db" --user "$user" "$@"; }

median_s() {  # median of 5 runs of the command, in seconds; a failing command stops the bench
  "$@" >/dev/null 2>"$work/last-error" || { echo "failed: $*" >&2; cat "$work/last-error" >&2; exit 1; }
  for _ in 1 2 3 4 5; do { time "$@" >/dev/null 2>&1; } 2>&1; done | sort -n | sed -n 3p
}
pdf_pages() { pdfinfo "$1" | awk '$1 == "Pages:" {print $2}'; }

nsm_pdf=$(median_s as leder report nsm --format pdf --out "$work/nsm.pdf")
nsm_odt=$(median_s as leder report nsm --format odt --out "$work/nsm.odt")
nsm_xlsx=$(median_s as leder report nsm --format xlsx --out "$work/nsm.xlsx")
nsm_pages=$(pdf_pages "$work/nsm.pdf")

# Grow the register with the department's own risks (SERVICE:ID refs, as a ROS workshop adds
# them), copies of the demo's open risks with new refs, until the ROS report reaches the pages.
as sikkerhetsansvarlig risk export --format csv --out "$work/demo.csv" >/dev/null
grow() {  # COPIES FROM: write copies FROM..FROM+COPIES-1 of every open demo risk as CSV
  python3 - "$work/demo.csv" "$1" "$2" >"$work/own.csv" <<'EOF'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")) if r["status"] == "open"]
w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()))
w.writeheader()
start = int(sys.argv[3])
for copy in range(start, start + int(sys.argv[2])):
    for n, r in enumerate(rows):
        r = dict(r)
        for k in ("threat_id", "rule_id", "element_id", "stride"):
            r[k] = ""
        r["ref"] = f"{r['service']}:EGEN-{copy:04d}-{n:02d}"
        r["title"] = f"{r['title']} (egen vurdering {copy})"
        w.writerow(r)
EOF
  as sikkerhetsansvarlig risk import "$work/own.csv" --format csv >/dev/null
}
copies=0
as sikkerhetsansvarlig report ros --format pdf --out "$work/ros.pdf" >/dev/null
pages=$(pdf_pages "$work/ros.pdf")
while [ "$pages" -lt "$pages_wanted" ]; do
  # Scale by what the pages so far took, plus a little, so one or two rounds suffice.
  more=$(( (copies + 1) * (pages_wanted - pages) / (pages > 0 ? pages : 1) + 1 ))
  grow "$more" "$((copies + 1))"
  copies=$((copies + more))
  as sikkerhetsansvarlig report ros --format pdf --out "$work/ros.pdf" >/dev/null
  pages=$(pdf_pages "$work/ros.pdf")
done
risks=$(as sikkerhetsansvarlig risk register --json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
ros_pdf=$(median_s as sikkerhetsansvarlig report ros --format pdf --out "$work/ros.pdf")
ros_html=$(median_s as sikkerhetsansvarlig report ros --format html --out "$work/ros.html")
ros_odt=$(median_s as sikkerhetsansvarlig report ros --format odt --out "$work/ros.odt")

# The register as XLSX (sheets Risikoer and Tiltak), against LibreOffice converting the same
# rows: the risks' CSV as Vakt exports it, converted by soffice --headless --convert-to xlsx.
as sikkerhetsansvarlig risk export --format csv --out "$work/register.csv" >/dev/null
rows=$(($(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8-sig"))))' "$work/register.csv") - 1))
xlsx_vakt=$(median_s as sikkerhetsansvarlig risk export --format xlsx --out "$work/register.xlsx")
export HOME="$work/home"  # LibreOffice's profile, made once before the timed runs
mkdir -p "$HOME" "$work/lo"
soffice --headless --convert-to xlsx --outdir "$work/lo" "$work/register.csv" >/dev/null 2>&1
xlsx_lo=$(median_s soffice --headless --infilter=CSV:44,34,76 --convert-to xlsx --outdir "$work/lo" "$work/register.csv")
# Debian's python3 (python3-openpyxl), not another one earlier in the PATH.
lo_rows=$(/usr/bin/python3 -c 'import openpyxl, sys; print(openpyxl.load_workbook(sys.argv[1], read_only=True).active.max_row - 1)' "$work/lo/register.xlsx")
vakt_rows=$(/usr/bin/python3 -c 'import openpyxl, sys; print(openpyxl.load_workbook(sys.argv[1], read_only=True)["Risikoer"].max_row - 1)' "$work/register.xlsx")

echo "Reports, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(date -u +%F), $preset build"
printf '| %-66s | %8s | %-8s |\n' "whole command, median of 5" "seconds" "goal"
printf '| %-66s | %8s | %-8s |\n' "NSM report, demo platform, PDF ($nsm_pages pages)" "$nsm_pdf" "< 2 s"
printf '| %-66s | %8s | %-8s |\n' "  the same as ODT / XLSX" "$nsm_odt / $nsm_xlsx" ""
printf '| %-66s | %8s | %-8s |\n' "ROS report, $risks risks, PDF ($pages pages)" "$ros_pdf" "< 10 s"
printf '| %-66s | %8s | %-8s |\n' "  the same as HTML / ODT" "$ros_html / $ros_odt" ""
printf '| %-66s | %8s | %-8s |\n' "register as XLSX, vakt risk export ($vakt_rows risk rows)" "$xlsx_vakt" ""
printf '| %-66s | %8s | %-8s |\n' "  LibreOffice headless, the same rows from CSV ($lo_rows rows)" "$xlsx_lo" ""
awk -v v="$xlsx_vakt" -v l="$xlsx_lo" 'BEGIN {printf "| %-66s | %8.2f | %-8s |\n", "  ratio Vakt / LibreOffice", v / l, "<= 1"}'
[ "$vakt_rows" = "$rows" ] && [ "$lo_rows" = "$rows" ] || { echo "row counts differ: CSV $rows, Vakt $vakt_rows, LibreOffice $lo_rows" >&2; exit 1; }
