from perfparse.cli import app

app(prog_name="perfparse")
