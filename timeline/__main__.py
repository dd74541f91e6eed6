from timeline.launch import run

run()
