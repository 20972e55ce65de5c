#!/usr/bin/env python3
"""book-xref.py -- check the identifier cross-references of the woven book.

Usage: tests/book-xref.py MARKUP BOOK.TEX [IDENT...]

MARKUP is the output of noweb's markup for lguest.nw (the chunks, their
names and uses), BOOK.TEX the woven book.  Independently of the weave
filter (book/weave-filter.py), this works out the program of every code
chunk (the first directory of the roots that reach it: lguest = Host,
launcher = Launcher, guest = test guest, include = the shared header, in
every program) and then checks, in the index that noidx wrote:

  * every use of an identifier is in a chunk of a program that defines
    it, or the shared header defines it;
  * no linked identifier in code sits inside a string or a comment;
  * an identifier that chunks of two programs define has one entry per
    program ("run_guest (Host)", "run_guest (Launcher)") and none bare;
  * each IDENT given is in the index of identifiers.

Prints one line per problem and a summary; exits 1 if there is a problem.
"""
import re
import sys


DEFINED = {}     # identifier -> numbers of the chunks that define it


def chunk_programs(markup):
    """Map chunk number -> (name, set of programs, language)."""
    names, uses, number = {}, {}, None
    for line in markup:
        if line.startswith("@begin code "):
            number = int(line.split()[2])
        elif line.startswith("@begin "):
            number = None
        elif line.startswith("@defn ") and number is not None:
            name = line[len("@defn "):]
            names[number] = name
            uses.setdefault(name, set())
        elif line.startswith("@use ") and number is not None:
            uses[names[number]].add(line[len("@use "):])
        elif line.startswith("@index defn ") and number is not None:
            DEFINED.setdefault(line[len("@index defn "):], set()).add(number)
    used = set().union(*uses.values())
    progs, langs = {}, {}
    for root in set(uses) - used:
        top = root.split("/")[0]
        lang = "c" if re.search(r"\.(c|h|S|lds)$", root) else "hash"
        stack = [root]
        while stack:
            name = stack.pop()
            if top in progs.setdefault(name, set()):
                continue
            progs[name].add(top)
            langs.setdefault(name, lang)
            stack.extend(uses.get(name, ()))
    return {n: (name, progs.get(name, set()), langs.get(name, "c"))
            for n, name in names.items()}


def braced(text, i):
    """The text of the {group} that starts at text[i], and the end."""
    depth, j = 0, i
    while True:
        if text[j] == "\\":
            j += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        j += 1
        if depth == 0:
            return text[i + 1:j - 1], j


def index_entries(tex, macro):
    """(key, label) for every \\MACRO{\\nwixident{key}}{sortkey}{label}."""
    out = []
    for m in re.finditer(re.escape("\\" + macro + "{"), tex):
        arg, j = braced(tex, m.end() - 1)
        key = arg[len("\\nwixident{"):-1]
        _, j = braced(tex, j)
        label, _ = braced(tex, j)
        out.append((key, label))
    return out


TOKEN = re.compile(r"\\nwlinkedidentc\{|\\LA\{\}.*?\\RA\{\}|\\[\\{}]|.")


def c_chars(line):
    """The characters of a woven code line, with None for each linked
    identifier and the names of used chunks left out."""
    i = 0
    while i < len(line):
        m = TOKEN.match(line, i)
        t = m.group()
        if t == "\\nwlinkedidentc{":
            _, j = braced(line, m.end() - 1)
            _, i = braced(line, j)
            yield None
            continue
        i = m.end()
        if t.startswith("\\LA"):
            continue
        yield t[-1] if len(t) == 2 and t[0] == "\\" else t


def quoted_links(lines, lang):
    """Count linked identifiers inside strings or comments."""
    bad, inside = 0, None
    for line in lines:
        if inside != "/*":
            inside = None
        chars = list(c_chars(line))
        k = 0
        while k < len(chars):
            c = chars[k]
            two = "".join(x or "" for x in chars[k:k + 2])
            if c is None:
                bad += inside is not None
            elif inside == "/*":
                if two == "*/":
                    inside, k = None, k + 1
            elif inside in ('"', "'"):
                if c == "\\":
                    k += 1
                elif c == inside:
                    inside = None
            elif inside is None:
                if c in ('"', "'"):
                    inside = c
                elif lang == "c" and two in ("/*", "//"):
                    inside, k = two, k + 1
                elif lang != "c" and c == "#":
                    inside = "//"
            k += 1
    return bad


def main():
    markup = open(sys.argv[1]).read().splitlines()
    tex = open(sys.argv[2]).read()
    wanted = sys.argv[3:]
    chunks = chunk_programs(markup)
    labels = {}
    spans = {}
    for m in re.finditer(r"\\nwbegincode\{(\d+)\}.*?\\sublabel\{([^}]*)\}"
                         r"(.*?)\\nwendcode", tex, re.S):
        n = int(m.group(1))
        labels[m.group(2)] = n
        spans[n] = m.group(3).split("\n")[1:-1]
    problems = []
    defs = {}
    for key, label in index_entries(tex, "nwindexdefn"):
        defs.setdefault(key, set()).update(chunks[labels[label]][1])
    uses = 0
    for key, label in index_entries(tex, "nwindexuse"):
        name, progs, _ = chunks[labels[label]]
        uses += 1
        if "include" in defs.get(key, ()) or progs & defs.get(key, set()):
            continue
        problems.append("chunk <%s> (%s) uses %s, defined only in %s" % (
            name, ", ".join(sorted(progs)), key,
            ", ".join(sorted(defs.get(key, ["nowhere"])))))
    quoted = 0
    for n, lines in spans.items():
        bad = quoted_links(lines, chunks[n][2])
        if bad:
            problems.append("chunk <%s> links %d identifiers inside strings"
                            " or comments" % (chunks[n][0], bad))
        quoted += bad
    index = set(k for k, _ in index_entries(tex, "nwindexdefn"))
    plain = set(re.sub(r"\\ \(.*", "", k) for k in index)
    split = []
    for ident, numbers in sorted(DEFINED.items()):
        scopes = set(frozenset(["include"]) if "include" in chunks[n][1]
                     else frozenset(chunks[n][1]) for n in numbers)
        if len(scopes) < 2:
            continue
        split.append(ident)
        tex_ident = ident.replace("_", "{\\_}")
        entries = [k for k in index if k.startswith(tex_ident + "\\ (")]
        if tex_ident in index or len(entries) != len(scopes):
            problems.append("%s is defined in %d programs but has the "
                            "entries %s" % (ident, len(scopes),
                                            sorted(entries) or "none"))
    for ident in wanted:
        tex_ident = ident.replace("_", "{\\_}")
        if tex_ident not in plain:
            problems.append("%s is not in the index of identifiers" % ident)
    for p in problems:
        print(p)
    print("split by program: " + " ".join(split))
    print("book-xref: %d chunks, %d uses of %d identifiers checked, %d "
          "names with one entry per program, %d problems"
          % (len(chunks), uses, len(index), len(split), len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
