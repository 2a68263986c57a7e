"""Publishing: one command (and the workbench's Publish page) puts the built site on the agency's host.

target.py: where to (URL, saved target, password); plan.py: the host's manifest and the ordered changes;
hosts.py: folder, FTP/FTPS and SFTP; upload.py: the run, with retries and checkpoints; progress.py: how far it
has got; messages.py: what the clerk is told; command.py: `python build.py publish`.
"""
