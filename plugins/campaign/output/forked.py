"""Pages written by other processes while the build writes the rest.

A first build of a large campaign spends most of its time rendering pages, on one
core, while the others only draw cards and index the search now and then. A
generator with many pages hands them to `ForkedWriting.write`: a child process,
forked from the build, renders and writes them while the build goes on with other
pages. Forked, the child holds the whole state as the build does (nothing copied
or pickled): it renders exactly the bytes the build would have, so the output does
not depend on who wrote which page.

What the child did that the build must know comes back on a pipe, one JSON line a
message:
- each file it wrote or kept (`told`): the writer's listeners (the search index)
  hear of it the next time the build writes a file, so a part of the search index
  is made as soon as its pages are written, whoever wrote them;
- each message it logged, logged again by the build (a warning stops a production
  build there, as if the build had logged it);
- at its end, its entries of the output record and the files it wrote (`done`), or
  what went wrong (`failed`), which fails the build.

A child takes its items one at a time from the front of its list; the build, once
it has nothing else to do (the writer closes), takes the last ones not yet begun
and writes them itself (`Cursor`): the build and its children end together instead
of the build waiting, a core idle, for the child given the most.

The build waits for its children when the writer closes, before anything reads the
output as a whole. If the build stops before (an error elsewhere), its children are
stopped with it. Only on Linux: forking a process is cheap and safe there.
"""

from __future__ import annotations

import atexit
import gc
import json
import logging
import mmap
import os
import signal
import struct
import sys
import traceback
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# Below this many pages to write, a process costs more than it saves: each page of
# memory either process then changes is copied (a first build's 200 news pages are
# written here in a quarter of a second).
THRESHOLD = 500
# Linux's largest pipe for an unprivileged process by default: the child rarely
# waits for the build to read what it says.
PIPE_SIZE = 1 << 20
F_SETPIPE_SZ = 1031  # fcntl's, Linux only
PR_SET_PDEATHSIG = 1  # prctl's, Linux only


class WritingProcessError(RuntimeError):
    """A process writing pages beside the build failed."""


@dataclass
class Child:
    pid: int
    fd: int
    what: str  # the pages it writes, for messages
    pending: bytes = b""  # the start of a line not read whole yet
    ended: bool = False
    # Whether it counts against the build's processes: not a child given a few
    # items whatever their count (`whatever_the_count`), which must not keep the
    # many pages written after it in the build's own process.
    counted: bool = True
    done: list = field(default_factory=list)  # its `done` message, once read
    # Its items, what writes one, and which are still to begin (None: all its own).
    items: list = field(default_factory=list)
    write: Callable | None = None
    cursor: Cursor | None = None


class Cursor:
    """Which of a child's items are still to begin, shared by the child and the build:
    the child takes the next from the front, the build the last from the back, each
    under a lock, so every item is written once, by whichever took it.

    Two numbers in memory that forking shares (an anonymous mmap: the first item not
    taken, the end of those not taken) and a semaphore (multiprocessing's Lock)."""

    def __init__(self, count: int):
        import multiprocessing  # here: only a build that forks needs it

        self.memory = mmap.mmap(-1, 16)
        self.lock = multiprocessing.Lock()
        struct.pack_into("qq", self.memory, 0, 0, count)

    def front(self) -> int | None:
        with self.lock:
            start, end = struct.unpack_from("qq", self.memory)
            if start >= end:
                return None
            struct.pack_into("q", self.memory, 0, start + 1)
        return start

    def back(self) -> int | None:
        with self.lock:
            start, end = struct.unpack_from("qq", self.memory)
            if start >= end:
                return None
            struct.pack_into("q", self.memory, 8, end - 1)
        return end - 1


def cursor_for(count: int) -> Cursor | None:
    """A cursor, or None where semaphores cannot be made (no /dev/shm): the child
    then writes all its items."""
    try:
        return Cursor(count)
    except (ImportError, OSError):
        return None


class ForkedWriting:
    """The writing processes of one build, and what they tell the writer."""

    def __init__(self, writer, processes: int | None):
        self.writer = writer
        self.processes = default_processes() if processes is None else processes
        self.children: list[Child] = []
        self.in_child = False

    def write(
        self, what: str, items: Iterable, write: Callable, whatever_the_count: bool = False
    ) -> None:
        """`write(item)` for each item: in a child process if there are many and the
        build may have more processes, else here, now. `what` names them in messages.
        `whatever_the_count`: in a child whenever the build may have one at all (a few
        items that are each much work: whole generators, generators/beside.py)."""
        items = list(items)
        if whatever_the_count:
            here = not self.processes
        else:
            counted = sum(child.counted for child in self.children)
            here = len(items) < THRESHOLD or counted >= self.processes
        if self.in_child or here:
            for item in items:
                write(item)
            return
        self.fork(what, items, write, not whatever_the_count)

    def fork(self, what: str, items: list, write: Callable, counted: bool = True) -> None:
        cursor = cursor_for(len(items))
        read, send = os.pipe()
        widen(send)
        sys.stdout.flush()
        sys.stderr.flush()
        if not self.children:
            atexit.register(self.stop)
        # The collector marks every object it looks through: each page of memory it
        # touches would be copied for the child. What exists now lives to the end.
        gc.freeze()
        with warnings.catch_warnings():
            # Python 3.12 warns of forking a process with threads (the card workers'
            # feeders, Pagefind's runners): the child never touches them.
            warnings.simplefilter("ignore", DeprecationWarning)
            build = os.getpid()
            pid = os.fork()
        if pid == 0:
            os.close(read)
            die_with_the_build(build)
            self.run_child(send, items, write, cursor)  # never returns
        os.close(send)
        os.set_blocking(read, False)
        child = Child(pid, read, what, counted=counted, items=items, write=write, cursor=cursor)
        self.children.append(child)

    def run_child(self, fd: int, items: list, write: Callable, cursor: Cursor | None) -> None:
        status = 1
        try:
            channel = os.fdopen(fd, "w", encoding="utf-8")
            self.in_child, self.children = True, []
            self.writer.become_child(lambda message: send(channel, message))
            forward_logging(channel)
            if cursor is None:
                for item in items:
                    write(item)
            else:
                while (index := cursor.front()) is not None:
                    write(items[index])
            send(channel, ["done", *self.writer.child_results()])
            channel.flush()
            status = 0
        except BaseException as error:  # every failure reaches the build, whatever it is
            frame = traceback.extract_tb(error.__traceback__)[-1:]
            place = f"{frame[0].filename}:{frame[0].lineno}" if frame else "?"
            try:
                send(channel, ["failed", type(error).__name__, str(error), place])
                channel.flush()
            except BaseException:
                pass
        finally:
            os._exit(status)

    def drain(self, wait: bool = False) -> None:
        """Read what the children said so far (until they end, if `wait`)."""
        for child in self.children:
            while not child.ended:
                try:
                    data = os.read(child.fd, 1 << 16)
                except BlockingIOError:
                    if not wait:
                        break
                    os.set_blocking(child.fd, True)
                    continue
                if not data:
                    child.ended = True
                    break
                lines = (child.pending + data).split(b"\n")
                child.pending = lines.pop()
                for line in lines:
                    self.hear(child, json.loads(line))

    def hear(self, child: Child, message: list) -> None:
        kind, *rest = message
        if kind == "told":
            self.writer.tell(*rest)
        elif kind == "log":
            name, level, text = rest
            logging.getLogger(name).log(level, "%s", text)
        elif kind == "done":
            child.done = rest
        elif kind == "failed":
            name, text, place = rest
            self.stop()
            raise WritingProcessError(
                f"{name} : {text}, à {place} (dans le processus qui écrivait {child.what})"
            )

    def take_back(self) -> None:
        """Write here the items the children have not begun, each child's from its
        end: the build has nothing else to do."""
        for child in list(self.children):
            while child.cursor is not None and (index := child.cursor.back()) is not None:
                child.write(child.items[index])

    def join(self) -> None:
        """Write what the children have not begun, wait for every child; put what they
        wrote in the writer's record."""
        self.take_back()
        self.drain(wait=True)
        children, self.children = self.children, []
        atexit.unregister(self.stop)
        for child in children:
            os.close(child.fd)
            _, status = os.waitpid(child.pid, 0)
            if not child.done:
                code = os.waitstatus_to_exitcode(status)
                raise WritingProcessError(
                    f"le processus qui écrivait {child.what} s'est arrêté ({code}) sans finir"
                )
            self.writer.child_finished(*child.done)

    def stop(self) -> None:
        """The build stops: so do its children, whatever they were writing."""
        children, self.children = self.children, []
        for child in children:
            try:
                os.kill(child.pid, signal.SIGTERM)
                os.waitpid(child.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            try:
                os.close(child.fd)
            except OSError:
                pass


def default_processes() -> int:
    """Where fork is cheap and there are cores, as many processes writing beside the
    build as it may use cores: each writes what it was given and ends, so while the
    second writes, the first may be done, or the build may be between two pages."""
    if not sys.platform.startswith("linux"):
        return 0
    cores = len(os.sched_getaffinity(0))
    return cores if cores > 1 else 0


def widen(fd: int) -> None:
    """Make a pipe hold PIPE_SIZE bytes (Linux): a child says what it has to say and
    goes on, or ends, without waiting for the build to read it."""
    try:
        import fcntl

        fcntl.fcntl(fd, F_SETPIPE_SZ, PIPE_SIZE)
    except OSError:  # a smaller pipe only makes the child wait more often
        pass


def die_with_the_build(build: int) -> None:
    """A build killed (a publish stopped midway, say) takes its children with it: the
    kernel ends this process when its parent dies, before it writes another page
    into a folder the next run is cleaning (Linux's PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != build:  # the build died before this was set
            os._exit(1)
    except (OSError, AttributeError):  # without it, the broken pipe ends the child
        pass


def send(channel, message: list) -> None:
    channel.write(json.dumps(message, ensure_ascii=False) + "\n")


class ForwardHandler(logging.Handler):
    """In a child: each record goes to the build, which logs it itself."""

    def __init__(self, channel):
        super().__init__()
        self.channel = channel

    def emit(self, record: logging.LogRecord) -> None:
        send(self.channel, ["log", record.name, record.levelno, record.getMessage()])


def forward_logging(channel) -> None:
    root = logging.getLogger()
    root.handlers[:] = [ForwardHandler(channel)]
    # The build decides whether a warning stops it, when it logs it again.
    if hasattr(type(root), "fatal_lvl"):
        type(root).fatal_lvl = logging.CRITICAL + 1
