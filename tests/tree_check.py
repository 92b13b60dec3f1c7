"""The command line the source-tree checkers share (architecture_test.py, check_names_test.py):
`--self-test`, or check ROOT (default: this repository) and print each problem on its own line."""
import os


def run(argv, check, self_test, problem_text):
    """`check(root)` returns (problems, summary): the summary is printed when there are none,
    `problem_text` after their count when there are some. Returns the exit code."""
    if argv[1:2] == ["--self-test"]:
        return self_test()
    root = argv[1] if len(argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    problems, summary = check(root)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} {problem_text}")
        return 1
    print(summary)
    return 0
