"""Debian's nginx serving a built site with the configuration `site` wrote (deploy/nginx.conf),
started and stopped by the tests (conftest.nginx_site) and the benchmark (benchmarks/weight.py):
on a free port of 127.0.0.1, as a child process (`daemon off`), its pid, temporary files and
error log in a folder of its own, so it runs as any user. .ci/ensure-nginx installs nginx and
the Brotli module."""

from __future__ import annotations

import getpass
import os
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from constitution.build import deploy

NGINX = Path("/usr/sbin/nginx")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
LISTEN = "    listen 80;\n    listen [::]:80;\n"  # the generated server block's, replaced by the test's port

MAIN = """\
{user}worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
load_module {module};
events {{ worker_connections 128; }}
http {{
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/site.conf;
}}
"""


class NginxError(RuntimeError):
    """nginx is missing, or did not start: the message says why."""


@dataclass
class Nginx:
    process: subprocess.Popen
    port: int
    work: Path

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def errors(self) -> str:
        log = self.work / "error.log"
        return log.read_text(encoding="utf-8") if log.is_file() else ""

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(deploy_dir: Path, work: Path) -> Nginx:
    """nginx with deploy_dir's nginx.conf (its root: the built site), listening on 127.0.0.1."""
    for needed in (NGINX, BROTLI_MODULE):
        if not needed.is_file():
            raise NginxError(f"{needed} is missing: run `make test` (it installs Debian's nginx and its Brotli module)")
    work.mkdir(parents=True, exist_ok=True)
    generated = (deploy_dir / deploy.NGINX_CONF).read_text(encoding="utf-8")
    assert generated.count(LISTEN) == 1, "the generated server block's listen lines changed"
    port = free_port()
    (work / "site.conf").write_text(generated.replace(LISTEN, f"    listen 127.0.0.1:{port};\n"), encoding="utf-8")
    # As root, nginx's workers would run as nobody, who cannot read a test's temporary folder
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(MAIN.format(user=user, work=work, module=BROTLI_MODULE), encoding="utf-8")
    process = subprocess.Popen([str(NGINX), "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Nginx(process, port, work)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NginxError(f"nginx exited {process.returncode}: {process.stderr.read().decode()}{server.errors()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.05)
    server.stop()
    raise NginxError(f"nginx did not listen on 127.0.0.1:{port}: {server.errors()}")
