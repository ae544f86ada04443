"""Tiny PostgreSQL helper for CI: ping a server, create or drop databases."""

from __future__ import annotations

import sys

import psycopg
from psycopg import sql


def main(argv: list[str]) -> int:
    action, url, *names = argv
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=3) as conn:
            for name in names:
                if action == "create":
                    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                elif action == "drop":
                    conn.execute(
                        sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                            sql.Identifier(name)
                        )
                    )
    except psycopg.OperationalError as exc:
        if action != "ping":
            print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
