#!/usr/bin/env python3
"""Run fediverse-pasture's ``verify_actor`` check non-interactively.

Usage::

    tests/interop/.venv/bin/python tests/interop/verify_actor.py \\
        http://localhost:41234/places/epn [--timeout 20] [--allow-unsigned-get-failure]

(Running it with any other python re-executes it with ``tests/interop/.venv``.)

What it does: it serves the fediverse-pasture test actors (alice, bob,
claire, dean, emily, frank and the application actor ``actor``) itself, on
``http://localhost:<random port>/<name>`` bound to 127.0.0.1, exactly as the
``fediverse_pasture.verify_actor`` web app does, and then runs
``fediverse_pasture.server.verify_actor.ActorVerifier`` against the given actor
URI. The per-actor result table is turned into pass/fail checks.

Output: diagnostics on stderr; the last stdout line is one JSON object
``{"ok": true|false, "details": {...}}``. Exit status 0 only when ok.
"""

import argparse
import asyncio
import json
import logging
import os
import shutil
import socket
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
VENV_PYTHON = os.path.join(HERE, ".venv", "bin", "python")


def _reexec_in_venv():
    """Use tests/interop/.venv when started with another interpreter."""
    if os.environ.get("GALAXIE_VERIFY_ACTOR_NO_REEXEC"):
        return
    venv = os.path.join(HERE, ".venv")
    if os.path.realpath(sys.prefix) == os.path.realpath(venv):
        return
    if os.path.exists(VENV_PYTHON):
        os.environ["GALAXIE_VERIFY_ACTOR_NO_REEXEC"] = "1"
        os.execv(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(__file__), *sys.argv[1:]])


def emit_result(ok: bool, details) -> int:
    sys.stdout.write(json.dumps({"ok": ok, "details": details}) + "\n")
    sys.stdout.flush()
    return 0 if ok else 1


# What each pasture test actor does (see fediverse_pasture/data_provider/generate.py
# and fediverse_pasture/server/verify_actor.py):
#   name    webfinger-able  GET of target  POST to inbox         its own actor doc
#   alice   yes             unsigned       unsigned EchoRequest  public
#   bob     yes             signed         signed Like           public
#   claire  yes             signed         signed Like           needs signed GET
#   dean    no              unsigned       unsigned EchoRequest  public
#   emily   no              signed         signed Like           public
#   frank   no              signed         signed Like           needs signed GET
SIGNED_ACTORS = ["bob", "claire", "emily", "frank"]
UNSIGNED_ACTORS = ["alice", "dean"]


def evaluate(result: dict, allow_unsigned_get_failure: bool, requests_seen=(), strict=True):
    checks = []

    def check(name, passed, expectation):
        checks.append({"check": name, "passed": bool(passed), "expect": expectation})

    def fetched_ok(name):
        return any(
            r["method"] == "GET" and r["path"].split("?")[0] == f"/{name}" and r["status"] == 200
            for r in requests_seen
        )

    for name in SIGNED_ACTORS:
        r = result.get(name, {})
        check(
            f"{name}.get_actor",
            r.get("get_actor"),
            "signed GET of the actor returns JSON with an inbox",
        )
        check(
            f"{name}.post_inbox",
            r.get("post_inbox"),
            "signed Like POSTed to the inbox is answered 2xx/3xx (or 400)",
        )
        if strict:
            if name in ("claire", "frank"):
                check(
                    f"{name}.key_fetched_with_signature",
                    fetched_ok(name),
                    f"server fetched /{name} (the signer's key) with a valid HTTP signature "
                    "(pasture answers 401 to unsigned or badly signed GETs of this actor)",
                )
            else:
                check(
                    f"{name}.key_fetched",
                    fetched_ok(name),
                    f"server fetched /{name} (the signer's key) to verify the signature",
                )
    for name in UNSIGNED_ACTORS:
        r = result.get(name, {})
        if not allow_unsigned_get_failure:
            check(
                f"{name}.get_actor",
                r.get("get_actor"),
                "unsigned GET of the actor returns JSON with an inbox",
            )
        check(
            f"{name}.post_inbox_rejected",
            not r.get("post_inbox"),
            "unsigned POST to the inbox is rejected with a 4xx/5xx status",
        )
    check(
        "webfinger",
        result.get("webfinger"),
        "acct:<preferredUsername>@<host:port> resolves via WebFinger to the actor id",
    )
    failed = [c["check"] for c in checks if not c["passed"]]
    return checks, failed


def install_offline_jsonld_loader():
    """bovine's JSON-LD loader fetches unknown @context URLs over the network
    (timeout 60 s) and caches them in ./bovine_jsonld_cache.sqlite. There is no
    network here: answer known contexts from bovine's built-ins and everything
    else with an empty context (which is what bovine does when a fetch fails),
    without touching the network."""
    from pyld import jsonld
    import bovine.jsonld as bj

    def loader(url, options=None, **kwargs):
        if url in (bj.bovine_context_name, "https://www.w3.org/ns/activitystreams"):
            return bj.wrapper(url, options or {})
        if url.endswith("litepub-0.1.jsonld"):
            ctx = bj.litepub_context
        else:
            ctx = []
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": {"@context": ctx},
        }

    jsonld.set_document_loader(loader)


async def run(actor_uri: str, timeout: float, host: str):
    import uvicorn
    from quart import Quart

    from fediverse_pasture.data_provider import DataProvider
    from fediverse_pasture.server import BlueprintForActors
    from fediverse_pasture.server.verify_actor import ActorVerifier
    from fediverse_pasture.types import Message

    dp = DataProvider.generate()
    actor_list = dp.possible_actors + [dp.one_actor]

    app = Quart("galaxie_verify_actor")
    app.register_blueprint(BlueprintForActors(actor_list).blueprint)

    # Record what the server under test asks of the pasture actors (key
    # fetches for signature verification, WebFinger look-ups, ...).
    requests_seen = []

    @app.after_request
    async def record(response):
        from quart import request

        requests_seen.append(
            {
                "method": request.method,
                "path": request.full_path.rstrip("?"),
                "signed": "signature" in request.headers,
                "signature_scheme": (
                    "rfc9421"
                    if "signature-input" in request.headers
                    else "draft-cavage"
                    if "signature" in request.headers
                    else None
                ),
                "accept": request.headers.get("accept"),
                "status": response.status_code,
            }
        )
        return response

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    domain = f"localhost:{port}"
    print(f"verify_actor: serving pasture actors at http://{domain}/", file=sys.stderr)

    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    server_task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if server_task.done():
            raise RuntimeError("uvicorn failed to start: %r" % (server_task.exception(),))
        await asyncio.sleep(0.05)

    try:
        message = Message()
        message.add(f"Got Actor Uri {actor_uri}")
        verifier = ActorVerifier(
            actor_list=actor_list,
            remote_uri=actor_uri,
            message=message,
            domain=domain,
            timeout=timeout,
        )
        # verifier.scheme stays "http": pasture actors are http://localhost:<port>/<name>
        # and the WebFinger lookup goes to http://<host of actor_uri>/.well-known/webfinger.
        result = await verifier.verify()
        return result, message.steps, domain, requests_seen
    finally:
        server.should_exit = True
        try:
            await asyncio.wait_for(server_task, timeout=5)
        except Exception:
            server_task.cancel()


def main() -> int:
    _reexec_in_venv()

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("actor_uri", help="actor URL, e.g. http://localhost:41234/places/epn")
    parser.add_argument("--timeout", type=float, default=20, help="per-request timeout (s)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind the pasture actors to")
    parser.add_argument(
        "--allow-unsigned-get-failure",
        action="store_true",
        help="do not require the actor to be readable without a signature (authorized fetch)",
    )
    parser.add_argument(
        "--no-strict",
        action="store_true",
        help="only the checks fediverse-pasture itself makes; skip the extra checks that "
        "the server fetched the signers' keys (i.e. really verified the signatures)",
    )
    parser.add_argument("--quiet", action="store_true", help="less logging on stderr")
    args = parser.parse_args()

    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("fediverse_pasture.verify_actor").setLevel(logging.INFO)

    # fediverse_pasture / bovine write data.toml and bovine_jsonld_cache.sqlite
    # into the working directory: keep them out of the repository.
    workdir = tempfile.mkdtemp(prefix="galaxie-verify-actor-")
    os.chdir(workdir)

    try:
        install_offline_jsonld_loader()
        result, steps, domain, requests_seen = asyncio.run(
            run(args.actor_uri, args.timeout, args.host)
        )
    except Exception as e:  # the check itself could not run
        logging.exception("verify_actor failed to run")
        return emit_result(False, {"actor_uri": args.actor_uri, "error": repr(e)})
    finally:
        os.chdir(HERE)
        shutil.rmtree(workdir, ignore_errors=True)

    checks, failed = evaluate(
        result, args.allow_unsigned_get_failure, requests_seen, not args.no_strict
    )
    ok = not failed
    details = {
        "actor_uri": args.actor_uri,
        "pasture_origin": f"http://{domain}",
        "failed": failed,
        "checks": checks,
        "result": result,
        "messages": steps,
        "requests_to_pasture": requests_seen,
    }
    for c in checks:
        print(("PASS " if c["passed"] else "FAIL ") + c["check"] + " - " + c["expect"], file=sys.stderr)
    return emit_result(ok, details)


if __name__ == "__main__":
    sys.exit(main())
