def test_the_stylesheet_is_served_by_the_application(client):
    # Under uvicorn nothing else serves /static/: the application must.
    response = client.get("/static/frontend/app.css")
    assert response.status_code == 200
    assert b".draft" in b"".join(response.streaming_content)
