#!/bin/sh
# The image's commands. `serve` (the default) starts the server as `npm start` does; `worker` runs only the background
# jobs, as `npm run worker` does; `migrate` applies pending
# migrations and grants the runtime role, once per release and before the new servers start, never at every start.
set -eu
command="${1:-serve}"
[ "$#" -gt 0 ] && shift
case "$command" in
  serve) exec node --import tsx scripts/start.ts "$@" ;;
  worker) exec node --import tsx scripts/worker.ts "$@" ;;
  migrate) exec node --import tsx scripts/migrate.ts "$@" ;;
  seed-demo) exec node --import tsx scripts/seed-demo.ts "$@" ;;
  *)
    echo "usage: shipshape [serve | worker | migrate | seed-demo]" >&2
    exit 64
    ;;
esac
